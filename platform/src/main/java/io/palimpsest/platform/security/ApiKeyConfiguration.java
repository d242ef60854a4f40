package io.palimpsest.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Where the API keys come from, and the filter that guards the management API with them. */
@AutoConfiguration
@EnableConfigurationProperties(ApiKeyProperties.class)
public class ApiKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyConfiguration.class);
    private static final String KEY_FILE = "api-keys.properties";

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties, @Value("${palimpsest.data-dir:./data}") Path dataDir) {
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            String publicKey = properties.publicKey() != null && !properties.publicKey().isBlank()
                    ? properties.publicKey() : "public_" + properties.privateKey().hashCode();
            return new ApiKeys(properties.privateKey(), publicKey);
        }
        ApiKeys keys = storedOrGenerated(dataDir.resolve(KEY_FILE));
        log.info("API keys (from {}): private key {} , public key {}", dataDir.resolve(KEY_FILE).toAbsolutePath(),
                keys.privateKey(), keys.publicKey());
        return keys;
    }

    @Bean
    ManagementApiAuthentication managementApiAuthentication(ApiKeys keys) {
        return new ManagementApiAuthentication(keys);
    }

    private static ApiKeys storedOrGenerated(Path file) {
        try {
            Properties stored = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    stored.load(in);
                }
                return new ApiKeys(stored.getProperty("privateKey"), stored.getProperty("publicKey"));
            }
            ApiKeys generated = new ApiKeys("private_" + randomHex(), "public_" + randomHex());
            stored.setProperty("privateKey", generated.privateKey());
            stored.setProperty("publicKey", generated.publicKey());
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "api-keys", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                stored.store(out, "Palimpsest API keys, generated at first start");
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file, e);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
