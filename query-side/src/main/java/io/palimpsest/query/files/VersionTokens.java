package io.palimpsest.query.files;

import io.palimpsest.platform.security.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The {@code ik-obj-version} token of a non-current version's URL: opaque, unguessable, stable for
 * a version, different from its versionId, and changed by publishing or unpublishing it (spec §6.1).
 * Derived with an HMAC under the private key, so it needs no storage and every node agrees.
 */
@Component
public class VersionTokens {

    private static final int TOKEN_LENGTH = 32;

    private final SecretKeySpec key;
    /** A keyed MAC per thread: looking the algorithm up and keying it costs more than the MAC itself. */
    private final ThreadLocal<Mac> macs;

    VersionTokens(ApiKeys keys) {
        this.key = new SecretKeySpec(keys.privateKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public String tokenFor(VersionRecord version) {
        return tokenFor(version.versionId(), version.details().published());
    }

    public String tokenFor(String versionId, boolean published) {
        return new String(tokenBytes(versionId, published), StandardCharsets.US_ASCII);
    }

    /** The token as the ASCII bytes of its text (base64url: nothing in it needs escaping in JSON or URLs). */
    public byte[] tokenBytes(String versionId, boolean published) {
        byte[] digest = macs.get().doFinal((versionId + ":" + published).getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(Base64.getUrlEncoder().withoutPadding().encode(digest), TOKEN_LENGTH);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
