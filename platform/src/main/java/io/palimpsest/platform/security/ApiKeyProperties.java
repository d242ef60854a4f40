package io.palimpsest.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code palimpsest.security.private-key} / {@code public-key} (env {@code PALIMPSEST_PRIVATE_KEY},
 * {@code PALIMPSEST_PUBLIC_KEY}). When unset, a pair is generated once and kept in the data directory.
 */
@ConfigurationProperties(prefix = "palimpsest.security")
public record ApiKeyProperties(String privateKey, String publicKey) {
}
