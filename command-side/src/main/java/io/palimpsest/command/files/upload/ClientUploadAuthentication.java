package io.palimpsest.command.files.upload;

import io.palimpsest.platform.security.ApiKeys;
import io.palimpsest.platform.security.ManagementApiAuthentication;
import io.palimpsest.platform.web.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Client-side uploads (spec §1.2): {@code publicKey}, single-use {@code token}, {@code expire} (unix
 * seconds, at most an hour ahead) and {@code signature} = hex HMAC-SHA1(private key, token + expire).
 * Used tokens are kept in PostgreSQL until they expire, so a token is single-use across every node.
 */
@Component
class ClientUploadAuthentication {

    static final List<String> SIGNATURE_FIELDS = List.of("publicKey", "token", "expire", "signature");
    private static final Duration MAX_EXPIRY = Duration.ofHours(1);
    /** Tolerates clients whose clocks run a little ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClientUploadAuthentication(ApiKeys keys, JdbcTemplate jdbc, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static boolean carriesSignature(UploadForm form) {
        return SIGNATURE_FIELDS.stream().anyMatch(form::has);
    }

    /** Accepts a signed form once, or throws the 400/401/403 ImageKit answers. */
    void authenticate(UploadForm form) {
        if (!carriesSignature(form)) {
            throw new ApiError(HttpStatus.UNAUTHORIZED, ManagementApiAuthentication.MISSING_KEY);
        }
        for (String field : SIGNATURE_FIELDS) {
            if (form.field(field) == null || form.field(field).isBlank()) {
                throw ApiError.badRequest("Missing " + field + " parameter for client-side upload.");
            }
        }
        if (!keys.isPublicKey(form.field("publicKey"))) {
            throw new ApiError(HttpStatus.FORBIDDEN, ManagementApiAuthentication.WRONG_KEY);
        }
        String token = form.field("token");
        if (token.length() > 255) {
            throw ApiError.badRequest("Your request contains invalid value for token parameter.");
        }
        Instant expire = expire(form.field("expire"));
        if (!MessageDigest.isEqual(signature(token, form.field("expire")).getBytes(StandardCharsets.US_ASCII),
                form.field("signature").trim().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiError(HttpStatus.FORBIDDEN, "Your request contains invalid signature. Generate it as "
                    + "HMAC-SHA1 of token + expire with your private key.");
        }
        try {
            jdbc.update("INSERT INTO used_upload_token (token, expires_at) VALUES (?, ?)", token,
                    Timestamp.from(expire));
        } catch (DuplicateKeyException e) {
            throw ApiError.badRequest("The token has already been used in a previous request. "
                    + "Generate a new token for every upload.");
        }
    }

    private Instant expire(String raw) {
        long seconds;
        try {
            seconds = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("The expire parameter must be a Unix timestamp in seconds.");
        }
        Instant expire = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (!expire.isAfter(now)) {
            throw ApiError.badRequest("Your request has expired. The expire parameter must be in the future.");
        }
        if (expire.isAfter(now.plus(MAX_EXPIRY).plus(CLOCK_SKEW))) {
            throw ApiError.badRequest("The expire parameter must be less than 1 hour into the future.");
        }
        return expire;
    }

    String signature(String token, String expire) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(keys.privateKey().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal((token + expire.trim()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** An expired token can never pass the expiry check again, so its row is no longer needed. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetExpiredTokens() {
        jdbc.update("DELETE FROM used_upload_token WHERE expires_at < ?", Timestamp.from(clock.instant()));
    }
}
