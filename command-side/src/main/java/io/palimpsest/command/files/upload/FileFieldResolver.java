package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.ContentTooLargeException;
import io.palimpsest.blobs.StagedFile;
import io.palimpsest.blobs.Staging;
import io.palimpsest.platform.web.ApiError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The {@code file} field when it is text rather than a binary part: an http(s) URL to fetch, a data
 * URI, or plain base64. Blocking (URL fetches): call it off the event loop.
 */
@Component
class FileFieldResolver {

    private static final String INVALID_FILE = "Your request contains invalid value for file parameter. It should "
            + "be a binary file, a base64 string, a data URI or an http(s) URL.";

    private final Staging staging;
    private final UrlFetcher urls;
    private final UploadProperties properties;

    FileFieldResolver(Staging staging, UrlFetcher urls, UploadProperties properties) {
        this.staging = staging;
        this.urls = urls;
        this.properties = properties;
    }

    StagedFile stage(String value) {
        long maxBytes = properties.maxFileSize().toBytes();
        String trimmed = value.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return urls.fetch(trimmed, staging, maxBytes);
            }
            byte[] bytes = lower.startsWith("data:") ? dataUri(trimmed) : base64(trimmed);
            return staging.stage(new ByteArrayInputStream(bytes), maxBytes);
        } catch (ContentTooLargeException e) {
            throw UploadFormReader.tooLarge(maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] dataUri(String uri) {
        int comma = uri.indexOf(',');
        if (comma < 0 || !uri.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
            throw ApiError.badRequest(INVALID_FILE);
        }
        return base64(uri.substring(comma + 1));
    }

    private static byte[] base64(String text) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text);
            if (bytes.length == 0 || !looksLikeBase64(text)) {
                throw ApiError.badRequest(INVALID_FILE);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(INVALID_FILE);
        }
    }

    /** The MIME decoder skips foreign characters silently; a real base64 payload has none. */
    private static boolean looksLikeBase64(String text) {
        return text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '='
                || Character.isWhitespace(c));
    }
}
