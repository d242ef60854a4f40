package io.palimpsest.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * HTTP Basic as ImageKit uses it: the private key is the user name; the password is ignored (the Node
 * SDK sends a dummy one).
 */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    /** The user name of a Basic Authorization header; empty when there is no Basic header at all. */
    public static Optional<String> userName(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon >= 0 ? decoded.substring(0, colon) : decoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("");
        }
    }
}
