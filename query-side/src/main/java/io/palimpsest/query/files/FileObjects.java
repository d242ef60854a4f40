package io.palimpsest.query.files;

import io.palimpsest.platform.web.DeliveryUrls;
import io.palimpsest.shared.files.VersionDetails;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders ImageKit's File object (spec §2.1) for one version of a file: {@code type} is
 * {@code file} for the current version and {@code file-version} for the others; the current one
 * carries the file's times, the others their own; URLs bust caches with {@code updatedAt} and
 * address non-current versions with their {@code ik-obj-version} token.
 */
@Component
public class FileObjects {

    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DeliveryUrls urls;
    private final VersionTokens tokens;

    FileObjects(DeliveryUrls urls, VersionTokens tokens) {
        this.urls = urls;
        this.tokens = tokens;
    }

    public Map<String, Object> render(FileRecord file, VersionRecord version) {
        boolean current = file.isCurrent(version);
        Instant createdAt = current ? file.createdAt() : version.createdAt();
        Instant updatedAt = current ? file.updatedAt() : version.updatedAt();
        String url = urls.url(file.filePath()) + "?"
                + (current ? "" : "ik-obj-version=" + tokens.tokenFor(version) + "&")
                + "updatedAt=" + updatedAt.toEpochMilli();
        boolean image = version.mime().startsWith("image/");
        VersionDetails details = version.details();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", current ? "file" : "file-version");
        body.put("name", file.name());
        body.put("createdAt", TIMESTAMP.format(createdAt));
        body.put("updatedAt", TIMESTAMP.format(updatedAt));
        body.put("fileId", file.fileId());
        body.put("tags", details.tags().isEmpty() ? null : details.tags());
        body.put("AITags", details.aiTags().isEmpty() ? null : details.aiTags().stream()
                .map(tag -> Map.of("name", tag.name(), "confidence", tag.confidence(), "source", tag.source()))
                .toList());
        body.put("versionInfo", Map.of("id", version.versionId(), "name", version.name()));
        body.put("embeddedMetadata", Map.of());
        body.put("customCoordinates", details.customCoordinates());
        body.put("customMetadata", details.customMetadata());
        if (details.description() != null) {
            body.put("description", details.description());
        }
        body.put("isPrivateFile", details.privateFile());
        body.put("isPublished", details.published());
        body.put("url", url);
        body.put("thumbnail", image ? url + "&tr=" + DeliveryUrls.THUMBNAIL_TRANSFORMATION : "");
        body.put("fileType", image ? "image" : "non-image");
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
