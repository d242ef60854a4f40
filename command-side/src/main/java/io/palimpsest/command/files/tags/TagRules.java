package io.palimpsest.command.files.tags;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.platform.web.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ImageKit's rules for tags sent as a JSON array (PATCH details, bulk tags), the same as an upload's:
 * surrounding blanks trimmed, empty tags dropped, each tag once, no {@code %}, at most
 * {@value #MAX_COMBINED_LENGTH} characters in all.
 */
public final class TagRules {

    public static final int MAX_COMBINED_LENGTH = 500;
    public static final String TOO_LONG = "Your request contains invalid value for tags parameter. Combined length "
            + "of all tags should be less than or equal to " + MAX_COMBINED_LENGTH + ".";

    private TagRules() {
    }

    /** The names in a JSON array of strings, trimmed, without blanks or repeats; 400 for anything else. */
    public static List<String> names(JsonNode array, String parameter) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw ApiError.badRequest("Your request contains invalid value for " + parameter
                        + " parameter. Every item should be a string.");
            }
            String name = item.asText().trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** Tags a file may carry: no {@code %}, and not too long together. */
    public static List<String> checked(List<String> tags) {
        if (tags.stream().anyMatch(tag -> tag.contains("%"))) {
            throw ApiError.badRequest("Your request contains invalid value for tags parameter. "
                    + "The character % is not allowed in tags.");
        }
        if (combinedLength(tags) > MAX_COMBINED_LENGTH) {
            throw ApiError.badRequest(TOO_LONG);
        }
        return tags;
    }

    public static int combinedLength(List<String> tags) {
        return tags.stream().mapToInt(String::length).sum();
    }
}
