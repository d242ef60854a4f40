package io.palimpsest.query.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.platform.web.DeliveryUrls;
import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.VersionDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders ImageKit's File object (spec §2.1) for one version of a file: {@code type} is
 * {@code file} for the current version and {@code file-version} for the others; the current one
 * carries the file's times, the others their own; URLs bust caches with {@code updatedAt} and
 * address non-current versions with their {@code ik-obj-version} token.
 *
 * <p>Responses are written straight to JSON bytes ({@link FileJson}), in the order of the fields of
 * {@link #render}. Everything but {@code url} and {@code thumbnail} depends on the records alone,
 * so the search index keeps it pre-rendered ({@link FileJson#head}, {@link FileJson#tail}) and adds
 * the two URLs, which depend on this deployment's endpoint and key, per response ({@link #writeUrls}).
 */
@Component
public class FileObjects {

    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final byte[] URL_FIELD = ",\"url\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] THUMBNAIL_FIELD = "\",\"thumbnail\":\"".getBytes(StandardCharsets.UTF_8);
    private static final String THUMBNAIL_QUERY = "&tr=" + DeliveryUrls.THUMBNAIL_TRANSFORMATION;
    private static final byte[] THUMBNAIL_QUERY_BYTES = THUMBNAIL_QUERY.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CURRENT_QUERY = "?updatedAt=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION_QUERY = "?ik-obj-version=".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UPDATED_AT = "&updatedAt=".getBytes(StandardCharsets.US_ASCII);
    /** About what a File object takes, so that the response buffer rarely grows. */
    private static final int BYTES_PER_OBJECT = 640;

    private final DeliveryUrls urls;
    private final VersionTokens tokens;
    private final ObjectMapper json;
    private final FileJson fileJson;

    FileObjects(DeliveryUrls urls, VersionTokens tokens, ObjectMapper json) {
        this.urls = urls;
        this.tokens = tokens;
        this.json = json;
        this.fileJson = new FileJson(json);
    }

    /** What a version's {@code url} and {@code thumbnail} are made of; {@code versionId} is null for the current version. */
    public record UrlParts(String filePath, String versionId, boolean published, long updatedAt, boolean image) {

        public static UrlParts of(FileRecord file, VersionRecord version) {
            boolean current = file.isCurrent(version);
            Instant updatedAt = current ? file.updatedAt() : version.updatedAt();
            return new UrlParts(file.filePath(), current ? null : version.versionId(), version.details().published(),
                    updatedAt.toEpochMilli(), isImage(version.mime()));
        }
    }

    /** The File object as a map (for callers that embed it in other bodies). */
    public Map<String, Object> render(FileRecord file, VersionRecord version) {
        boolean current = file.isCurrent(version);
        Instant createdAt = current ? file.createdAt() : version.createdAt();
        Instant updatedAt = current ? file.updatedAt() : version.updatedAt();
        UrlParts parts = UrlParts.of(file, version);
        String url = url(parts);
        VersionDetails details = version.details();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", current ? "file" : "file-version");
        body.put("name", file.name());
        body.put("createdAt", TIMESTAMP.format(createdAt));
        body.put("updatedAt", TIMESTAMP.format(updatedAt));
        body.put("fileId", file.fileId());
        body.put("tags", details.tags().isEmpty() ? null : details.tags());
        body.put("AITags", details.aiTags().isEmpty() ? null : details.aiTags().stream()
                .map(FileObjects::aiTag)
                .toList());
        Map<String, Object> versionInfo = new LinkedHashMap<>();
        versionInfo.put("id", version.versionId());
        versionInfo.put("name", version.name());
        body.put("versionInfo", versionInfo);
        body.put("embeddedMetadata", Map.of());
        body.put("customCoordinates", details.customCoordinates());
        body.put("customMetadata", details.customMetadata());
        if (details.description() != null) {
            body.put("description", details.description());
        }
        body.put("isPrivateFile", details.privateFile());
        body.put("isPublished", details.published());
        body.put("url", url);
        body.put("thumbnail", thumbnail(parts, url));
        body.put("fileType", parts.image() ? "image" : "non-image");
        body.put("filePath", file.filePath());
        if (version.height() != null) {
            body.put("height", version.height());
        }
        if (version.width() != null) {
            body.put("width", version.width());
        }
        body.put("size", version.size());
        if (version.hasAlpha() != null) {
            body.put("hasAlpha", version.hasAlpha());
        }
        body.put("mime", version.mime());
        return body;
    }

    private static Map<String, Object> aiTag(AITag tag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", tag.name());
        body.put("confidence", tag.confidence());
        body.put("source", tag.source());
        return body;
    }

    /** One File object as JSON bytes: the same bytes Jackson writes for {@link #render}. */
    public byte[] json(FileRecord file, VersionRecord version) {
        return json(file, List.of(version), false);
    }

    /** A JSON array of File objects, one per version. */
    public byte[] jsonArray(FileRecord file, List<VersionRecord> versions) {
        return json(file, versions, true);
    }

    private byte[] json(FileRecord file, List<VersionRecord> versions, boolean array) {
        ByteArrayBuilder out = new ByteArrayBuilder(BYTES_PER_OBJECT * versions.size() + 2);
        byte[] base = base(file.filePath());
        FileJson.FileStrings strings = FileJson.FileStrings.of(file);
        try (JsonGenerator generator = json.createGenerator(out)) {
            if (array) {
                generator.writeStartArray();
            }
            for (VersionRecord version : versions) {
                fileJson.writeHead(generator, file, version, strings);
                generator.flush();
                writeUrls(out, UrlParts.of(file, version), base);
                FileJson.writeTail(generator, file, version, strings);
            }
            if (array) {
                generator.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render file " + file.fileId(), e);
        }
        return out.toByteArray();
    }

    /** {@code ,"url":"...","thumbnail":"..."}: the part of a File object between {@link FileJson#head} and {@link FileJson#tail}. */
    public void writeUrls(ByteArrayBuilder out, UrlParts parts) {
        writeUrls(out, parts, base(parts.filePath()));
    }

    /**
     * The JSON-escaped {@code <endpoint><filePath>} every URL of a file starts with. The rest of a URL
     * (token: base64url; times: digits; fixed ASCII) never needs escaping, so it is appended as is.
     */
    private byte[] base(String filePath) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(urls.url(filePath));
    }

    private void writeUrls(ByteArrayBuilder out, UrlParts parts, byte[] base) {
        byte[] query = query(parts);
        out.write(URL_FIELD);
        out.write(base);
        out.write(query);
        out.write(THUMBNAIL_FIELD);
        if (parts.image()) {
            out.write(base);
            out.write(query);
            out.write(THUMBNAIL_QUERY_BYTES);
        }
        out.write('"');
    }

    /** {@code ?[ik-obj-version=<token>&]updatedAt=<millis>}: ASCII that needs no escaping. */
    private byte[] query(UrlParts parts) {
        byte[] updatedAt = Long.toString(parts.updatedAt()).getBytes(StandardCharsets.US_ASCII);
        if (parts.versionId() == null) {
            byte[] query = new byte[CURRENT_QUERY.length + updatedAt.length];
            System.arraycopy(CURRENT_QUERY, 0, query, 0, CURRENT_QUERY.length);
            System.arraycopy(updatedAt, 0, query, CURRENT_QUERY.length, updatedAt.length);
            return query;
        }
        byte[] token = tokens.tokenBytes(parts.versionId(), parts.published());
        byte[] query = new byte[VERSION_QUERY.length + token.length + UPDATED_AT.length + updatedAt.length];
        int at = 0;
        for (byte[] part : new byte[][] {VERSION_QUERY, token, UPDATED_AT, updatedAt}) {
            System.arraycopy(part, 0, query, at, part.length);
            at += part.length;
        }
        return query;
    }

    private String url(UrlParts parts) {
        StringBuilder url = new StringBuilder(128).append(urls.url(parts.filePath())).append('?');
        if (parts.versionId() != null) {
            url.append("ik-obj-version=").append(tokens.tokenFor(parts.versionId(), parts.published())).append('&');
        }
        return url.append("updatedAt=").append(parts.updatedAt()).toString();
    }

    private static String thumbnail(UrlParts parts, String url) {
        return parts.image() ? url + THUMBNAIL_QUERY : "";
    }

    static boolean isImage(String mime) {
        return mime.startsWith("image/");
    }

    /** Lower-case format of a mime type as the search language names it ({@code jpg}, {@code svg}, ...). */
    public static String format(String mime) {
        String subtype = mime.substring(mime.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return switch (subtype) {
            case "jpeg" -> "jpg";
            case "svg+xml" -> "svg";
            case "x-icon", "vnd.microsoft.icon" -> "ico";
            case "quicktime" -> "mov";
            case "javascript" -> "js";
            case "plain" -> "txt";
            default -> subtype;
        };
    }
}
