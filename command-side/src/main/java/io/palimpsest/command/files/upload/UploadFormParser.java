package io.palimpsest.command.files.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.command.files.upload.checks.InvalidChecks;
import io.palimpsest.command.files.upload.checks.UploadCheck;
import io.palimpsest.command.files.upload.checks.UploadChecksParser;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileName;
import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.files.commands.OverwriteRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Reads the text fields of an upload form the way ImageKit does: booleans as {@code "true"} /
 * {@code "false"}, tags and responseFields as comma-joined lists, customMetadata, extensions and
 * transformation as JSON. Anything malformed is a 400 in ImageKit's shape, before anything is stored.
 */
final class UploadFormParser {

    static final Set<String> RESPONSE_FIELDS = Set.of("tags", "customCoordinates", "isPrivateFile",
            "embeddedMetadata", "isPublished", "customMetadata", "metadata", "selectedFieldsSchema");
    static final int MAX_TAGS_LENGTH = 500;
    static final int MAX_DESCRIPTION_LENGTH = 1024;
    private static final Pattern COORDINATES = Pattern.compile("\\d+,\\d+,\\d+,\\d+");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    static final String INVALID_CHECKS = "Your request contains invalid syntax for the checks parameter.";

    private final ObjectMapper json;

    UploadFormParser(ObjectMapper json) {
        this.json = json;
    }

    UploadRequest parse(UploadForm form) {
        String rawName = form.field("fileName");
        if (rawName == null || rawName.isBlank()) {
            throw ApiError.badRequest("Missing fileName parameter for upload.");
        }
        UploadCheck checks = checks(form.field("checks"));
        if (form.has("transformation")) {
            jsonObject(form.field("transformation"), "transformation");
        }
        return new UploadRequest(
                folder(form.field("folder")),
                fileName(rawName),
                bool(form, "useUniqueFileName", true),
                bool(form, "overwriteFile", true),
                new OverwriteRules(bool(form, "overwriteTags", true), bool(form, "overwriteCustomMetadata", true),
                        bool(form, "overwriteAITags", true)),
                tags(form.field("tags")),
                customMetadata(form.field("customMetadata")),
                customCoordinates(form.field("customCoordinates")),
                description(form.field("description")),
                bool(form, "isPrivateFile", false),
                bool(form, "isPublished", true),
                responseFields(form.field("responseFields")),
                extensions(form.field("extensions")),
                checks);
    }

    /** ImageKit's message for any checks that do not parse; the detail names the token and its position. */
    static UploadCheck checks(String raw) {
        if (raw == null || raw.isBlank()) {
            return UploadCheck.NONE;
        }
        try {
            return UploadChecksParser.parse(raw);
        } catch (InvalidChecks e) {
            throw new ApiError(HttpStatus.BAD_REQUEST, INVALID_CHECKS, null, Map.of("detail", e.getMessage()));
        }
    }

    static FileName fileName(String raw) {
        try {
            return FileName.sanitise(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Your request contains invalid value for fileName parameter: it must not "
                    + "contain '..' or control characters, and must have 1 to " + FileName.MAX_LENGTH
                    + " characters.", "INVALID_FILE_NAME");
        }
    }

    static FolderPath folder(String raw) {
        if (raw == null || raw.isBlank()) {
            return FolderPath.ROOT;
        }
        try {
            return FolderPath.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Your request contains invalid value for folder parameter: folder names "
                    + "may hold letters, digits, '_', '-' and '.', must not be '.' or '..', and may nest at most "
                    + FolderPath.MAX_DEPTH + " levels.", "INVALID_FOLDER_PATH");
        }
    }

    private static boolean bool(UploadForm form, String name, boolean defaultValue) {
        String raw = form.field(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badRequest("Your request contains invalid value for " + name
                    + " parameter. It should be true or false.");
        };
    }

    static List<String> tags(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> tags = Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .distinct().toList();
        if (tags.stream().anyMatch(t -> t.contains("%"))) {
            throw ApiError.badRequest("Your request contains invalid value for tags parameter. "
                    + "The character % is not allowed in tags.");
        }
        if (tags.stream().mapToInt(String::length).sum() > MAX_TAGS_LENGTH) {
            throw ApiError.badRequest("Your request contains invalid value for tags parameter. "
                    + "Combined length of all tags should be less than or equal to " + MAX_TAGS_LENGTH + ".");
        }
        return tags;
    }

    private Map<String, Object> customMetadata(String raw) {
        if (raw == null) {
            return null;
        }
        Map<String, Object> metadata = jsonObject(raw, "customMetadata");
        if (metadata.values().stream().anyMatch(v -> v == null || v instanceof Map)) {
            throw ApiError.badRequest("Invalid custom metadata.", "INVALID_CUSTOM_METADATA");
        }
        return metadata;
    }

    private Map<String, Object> jsonObject(String raw, String parameter) {
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw invalidJson(parameter);
            }
            return json.convertValue(node, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw invalidJson(parameter);
        }
    }

    private static ApiError invalidJson(String parameter) {
        if (parameter.equals("customMetadata")) {
            return ApiError.badRequest("Invalid custom metadata.", "INVALID_CUSTOM_METADATA");
        }
        return ApiError.badRequest("Your request contains invalid value for " + parameter
                + " parameter. It should be a JSON object.");
    }

    static String customCoordinates(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.replace(" ", "");
        if (!COORDINATES.matcher(trimmed).matches()) {
            throw ApiError.badRequest("Your request contains invalid value for customCoordinates parameter. "
                    + "It should be x,y,width,height in whole pixels.");
        }
        return trimmed;
    }

    private static String description(String raw) {
        if (raw != null && raw.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiError.badRequest("Your request contains invalid value for description parameter. "
                    + "It should be at most " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        return raw;
    }

    static Set<String> responseFields(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String field : raw.split(",")) {
            String name = field.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!RESPONSE_FIELDS.contains(name)) {
                throw ApiError.badRequest("Your request contains invalid value for responseFields parameter: "
                        + name + ". Allowed values are " + String.join(", ", RESPONSE_FIELDS) + ".");
            }
            fields.add(name);
        }
        return fields;
    }

    private List<String> extensions(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isArray()) {
                throw ApiError.badRequest("Your request contains invalid value for extensions parameter. "
                        + "It should be a JSON array.");
            }
            List<String> names = new ArrayList<>();
            for (JsonNode extension : node) {
                if (!extension.hasNonNull("name")) {
                    throw ApiError.badRequest("Your request contains invalid value for extensions parameter. "
                            + "Every extension needs a name.");
                }
                names.add(extension.get("name").asText());
            }
            return names;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("Your request contains invalid value for extensions parameter. "
                    + "It should be a JSON array.");
        }
    }
}
