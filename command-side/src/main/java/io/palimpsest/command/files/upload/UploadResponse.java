package io.palimpsest.command.files.upload;

import io.palimpsest.command.files.upload.UploadService.UploadResult;
import io.palimpsest.platform.web.DeliveryUrls;
import io.palimpsest.shared.files.Content;
import io.palimpsest.shared.files.FileVersion;
import io.palimpsest.shared.files.VersionDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The upload response of spec §2.2 (it differs from the File object: {@code thumbnailUrl}, no
 * {@code type}, and the optional fields only when named in {@code responseFields}).
 */
final class UploadResponse {

    private UploadResponse() {
    }

    static Map<String, Object> of(UploadResult result, Set<String> responseFields, List<String> extensions,
                                  DeliveryUrls urls) {
        FileVersion version = result.version();
        Content content = version.content();
        VersionDetails details = version.details();
        String filePath = result.path().toString();
        boolean image = content.mime().startsWith("image/");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fileId", result.fileId().value());
        body.put("name", result.path().name().value());
        body.put("size", content.size());
        body.put("versionInfo", Map.of("id", version.versionId().value(), "name", version.name()));
        body.put("filePath", filePath);
        body.put("url", urls.url(filePath));
        body.put("fileType", image ? "image" : "non-image");
        if (content.height() != null) {
            body.put("height", content.height());
        }
        if (content.width() != null) {
            body.put("width", content.width());
        }
        body.put("thumbnailUrl", image ? urls.thumbnail(filePath) : "");
        body.put("AITags", details.aiTags().isEmpty() ? null : details.aiTags().stream()
                .map(tag -> Map.of("name", tag.name(), "confidence", tag.confidence(), "source", tag.source()))
                .toList());
        if (!extensions.isEmpty()) {
            // no extension runs on this server; saying so beats pretending they are pending
            Map<String, String> status = new LinkedHashMap<>();
            extensions.forEach(name -> status.put(name, "failed"));
            body.put("extensionStatus", status);
        }
        for (String field : responseFields) {
            switch (field) {
                case "tags" -> body.put("tags", details.tags().isEmpty() ? null : details.tags());
                case "customCoordinates" -> body.put("customCoordinates", details.customCoordinates());
                case "isPrivateFile" -> body.put("isPrivateFile", details.privateFile());
                case "isPublished" -> body.put("isPublished", details.published());
                case "customMetadata" -> body.put("customMetadata", details.customMetadata());
                case "embeddedMetadata" -> body.put("embeddedMetadata", Map.of());
                case "metadata" -> body.put("metadata", metadata(content));
                case "selectedFieldsSchema" -> body.put("selectedFieldsSchema", Map.of());
                default -> throw new IllegalArgumentException("unknown response field " + field);
            }
        }
        return body;
    }

    private static Map<String, Object> metadata(Content content) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (content.height() != null) {
            metadata.put("height", content.height());
            metadata.put("width", content.width());
        }
        metadata.put("size", content.size());
        metadata.put("format", format(content.mime()));
        if (content.hasAlpha() != null) {
            metadata.put("hasTransparency", content.hasAlpha());
        }
        return metadata;
    }

    private static String format(String mime) {
        String subtype = mime.substring(mime.indexOf('/') + 1);
        return switch (subtype) {
            case "jpeg" -> "jpg";
            case "svg+xml" -> "svg";
            default -> subtype;
        };
    }
}
