package io.palimpsest.command.files.details;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.command.metadata.CustomMetadataValidator;
import io.palimpsest.command.files.tags.TagRules;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.commands.ChangePublication;
import io.palimpsest.shared.files.commands.UpdateFileDetails;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code PATCH /v1/files/{fileId}/details} body (spec §3.3) into the one command it asks
 * for. The body is one of two shapes: details ({@code tags}, {@code customCoordinates},
 * {@code customMetadata}, {@code description}, {@code removeAITags}, {@code extensions},
 * {@code webhookUrl}) or {@code {publish: {isPublished, includeFileVersions?}}}; mixing them is
 * refused rather than half applied. Every field is type-checked before anything is written. For
 * the nullable fields, "absent" leaves the field alone and {@code null} clears it. Parameters this
 * server does not know are ignored, as newer SDKs may send more.
 */
final class DetailsRequestParser {

    static final int MAX_DESCRIPTION_LENGTH = 1024;
    static final Set<String> DETAIL_FIELDS = Set.of("tags", "customCoordinates", "customMetadata", "description",
            "removeAITags", "extensions", "webhookUrl");
    private static final Pattern COORDINATES = Pattern.compile("\\d+,\\d+,\\d+,\\d+");

    private final ObjectMapper json;
    private final CustomMetadataValidator customMetadata;

    DetailsRequestParser(ObjectMapper json, CustomMetadataValidator customMetadata) {
        this.json = json;
        this.customMetadata = customMetadata;
    }

    DetailsRequest parse(FileId fileId, JsonNode body, Instant now) {
        if (body == null || body.isNull()) {
            return DetailsRequest.NOTHING;
        }
        if (!body.isObject()) {
            throw ApiError.badRequest("Your request body should be a JSON object.");
        }
        if (body.has("publish")) {
            return publication(fileId, body, now);
        }
        FieldUpdate<List<String>> tags = tags(body.get("tags"));
        FieldUpdate<String> customCoordinates = customCoordinates(body.get("customCoordinates"));
        Map<String, Object> customMetadata = customMetadata(body.get("customMetadata"));
        FieldUpdate<String> description = description(body.get("description"));
        JsonNode removeAITags = body.get("removeAITags");
        boolean removeAllAITags = removeAITags != null && removeAITags.isTextual()
                && removeAITags.asText().equals("all");
        List<String> aiTagNames = removeAllAITags ? null : aiTagNames(removeAITags);
        List<String> extensions = extensions(body.get("extensions"));
        webhookUrl(body.get("webhookUrl"));

        if (tags == null && customCoordinates == null && customMetadata == null && description == null
                && aiTagNames == null && !removeAllAITags) {
            return new DetailsRequest(Optional.empty(), extensions);
        }
        return new DetailsRequest(Optional.of(new UpdateFileDetails(fileId, tags, customCoordinates, customMetadata,
                description, aiTagNames, removeAllAITags, now)), extensions);
    }

    private static DetailsRequest publication(FileId fileId, JsonNode body, Instant now) {
        List<String> mixed = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (DETAIL_FIELDS.contains(name)) {
                mixed.add(name);
            }
        });
        if (!mixed.isEmpty()) {
            throw ApiError.badRequest("Your request contains publish together with " + String.join(", ", mixed)
                    + ". Send publish on its own to change the publication status.");
        }
        JsonNode publish = body.get("publish");
        if (!publish.isObject()) {
            throw ApiError.badRequest("Your request contains invalid value for publish parameter. "
                    + "It should be an object with isPublished and, optionally, includeFileVersions.");
        }
        JsonNode isPublished = publish.get("isPublished");
        if (isPublished == null || isPublished.isNull()) {
            throw ApiError.badRequest("Your request is missing publish.isPublished parameter.");
        }
        if (!isPublished.isBoolean()) {
            throw notBoolean("publish.isPublished");
        }
        JsonNode includeFileVersions = publish.get("includeFileVersions");
        if (includeFileVersions != null && !includeFileVersions.isNull() && !includeFileVersions.isBoolean()) {
            throw notBoolean("publish.includeFileVersions");
        }
        return new DetailsRequest(Optional.of(new ChangePublication(fileId, isPublished.booleanValue(),
                includeFileVersions != null && includeFileVersions.booleanValue(), now)), List.of());
    }

    private static FieldUpdate<List<String>> tags(JsonNode tags) {
        if (tags == null) {
            return null;
        }
        if (tags.isNull()) {
            return FieldUpdate.clear();
        }
        if (!tags.isArray()) {
            throw ApiError.badRequest("Your request contains invalid value for tags parameter. "
                    + "It should be an array of strings, or null to remove every tag.");
        }
        return FieldUpdate.set(TagRules.checked(TagRules.names(tags, "tags")));
    }

    private static FieldUpdate<String> customCoordinates(JsonNode coordinates) {
        if (coordinates == null) {
            return null;
        }
        if (coordinates.isNull() || (coordinates.isTextual() && coordinates.asText().isBlank())) {
            return FieldUpdate.clear();
        }
        String compact = coordinates.isTextual() ? coordinates.asText().replace(" ", "") : "";
        if (!COORDINATES.matcher(compact).matches()) {
            throw ApiError.badRequest("Your request contains invalid value for customCoordinates parameter. "
                    + "It should be x,y,width,height in whole pixels, or null to remove them.");
        }
        return FieldUpdate.set(compact);
    }

    /** Keys merge into the current metadata; a key sent as null is unset. Values are scalars or arrays. */
    private Map<String, Object> customMetadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        if (!metadata.isObject()) {
            throw invalidCustomMetadata();
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = metadata.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isObject() || (value.isArray() && containsContainers(value))) {
                throw invalidCustomMetadata();
            }
            changes.put(field.getKey(), value.isNull() ? null : plain(value));
        }
        validateCustomMetadata(changes);
        return changes;
    }

    /**
     * Checks the sent custom metadata against the fields defined with the custom metadata fields API
     * (spec §3.3: 400 "Invalid custom metadata." with {@code errors}); as ImageKit does, the request's
     * own object is checked, not the merged result.
     */
    private void validateCustomMetadata(Map<String, Object> changes) {
        customMetadata.validate(changes);
    }

    private static boolean containsContainers(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    private Object plain(JsonNode value) {
        try {
            return json.treeToValue(value, Object.class);
        } catch (JsonProcessingException e) {
            throw invalidCustomMetadata();
        }
    }

    private static ApiError invalidCustomMetadata() {
        return ApiError.badRequest("Invalid custom metadata.", "INVALID_CUSTOM_METADATA");
    }

    private static FieldUpdate<String> description(JsonNode description) {
        if (description == null) {
            return null;
        }
        if (description.isNull()) {
            return FieldUpdate.clear();
        }
        if (!description.isTextual() || description.asText().length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiError.badRequest("Your request contains invalid value for description parameter. "
                    + "It should be a string of at most " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        return FieldUpdate.set(description.asText());
    }

    private static List<String> aiTagNames(JsonNode removeAITags) {
        if (removeAITags == null || removeAITags.isNull()) {
            return null;
        }
        if (!removeAITags.isArray()) {
            throw ApiError.badRequest("Your request contains invalid value for removeAITags parameter. "
                    + "It should be an array of strings or \"all\".");
        }
        return TagRules.names(removeAITags, "removeAITags");
    }

    /** No extension runs on this server; their names are echoed in {@code extensionStatus} as failed. */
    private static List<String> extensions(JsonNode extensions) {
        if (extensions == null || extensions.isNull()) {
            return List.of();
        }
        if (!extensions.isArray()) {
            throw ApiError.badRequest("Your request contains invalid value for extensions parameter. "
                    + "It should be an array.");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode extension : extensions) {
            JsonNode name = extension.get("name");
            if (name == null || !name.isTextual()) {
                throw ApiError.badRequest("Your request contains invalid value for extensions parameter. "
                        + "Every extension needs a name.");
            }
            names.add(name.asText());
        }
        return names;
    }

    /** Checked, then unused: it is where extension results would be posted, and none run here. */
    private static void webhookUrl(JsonNode webhookUrl) {
        if (webhookUrl == null || webhookUrl.isNull()) {
            return;
        }
        ApiError invalid = ApiError.badRequest("Your request contains invalid value for webhookUrl parameter. "
                + "It should be an http or https URL.");
        if (!webhookUrl.isTextual()) {
            throw invalid;
        }
        try {
            URI uri = new URI(webhookUrl.asText());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid;
            }
        } catch (URISyntaxException e) {
            throw invalid;
        }
    }

    private static ApiError notBoolean(String parameter) {
        return ApiError.badRequest("Your request contains invalid value for " + parameter
                + " parameter. It should be true or false.");
    }

    /** The command a PATCH asks for (none when it changes nothing) and the extensions it named. */
    record DetailsRequest(Optional<Object> command, List<String> extensions) {

        static final DetailsRequest NOTHING = new DetailsRequest(Optional.empty(), List.of());
    }
}
