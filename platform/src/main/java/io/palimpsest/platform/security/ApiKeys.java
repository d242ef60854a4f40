package io.palimpsest.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The account's key pair: the private key authenticates server calls and signs client uploads. */
public record ApiKeys(String privateKey, String publicKey) {

    public ApiKeys {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (privateKey.isBlank() || publicKey.isBlank()) {
            throw new IllegalArgumentException("API keys must not be blank");
        }
    }

    /** Constant-time comparison, so response timing does not leak how much of a guess was right. */
    public boolean isPrivateKey(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                privateKey.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isPublicKey(String candidate) {
        return publicKey.equals(candidate);
    }

    @Override
    public String toString() {
        return "ApiKeys[publicKey=" + publicKey + "]";
    }
}
