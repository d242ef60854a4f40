package io.palimpsest.command.files.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.platform.web.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code fileIds} of a bulk request (spec §3.5, §3.11), checked in ImageKit's order and with its
 * messages: present, an array, not empty, not too long. Repeated ids count once, in the order sent.
 */
public final class FileIdList {

    private FileIdList() {
    }

    /**
     * @param max          how many ids one request may name
     * @param tooManyIds   ImageKit's message when there are more (it differs between endpoints)
     */
    public static List<String> read(JsonNode body, int max, String tooManyIds) {
        JsonNode ids = body == null ? null : body.get("fileIds");
        if (ids == null || ids.isNull()) {
            throw ApiError.badRequest("fileIds parameter is missing.");
        }
        if (!ids.isArray()) {
            throw ApiError.badRequest("fileIds should be an Array.");
        }
        if (ids.isEmpty()) {
            throw ApiError.badRequest("fileIds is empty.");
        }
        if (ids.size() > max) {
            throw ApiError.badRequest(tooManyIds);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw ApiError.badRequest("Your request contains invalid value for fileIds parameter. "
                        + "Every item should be a fileId string.");
            }
            distinct.add(id.asText());
        }
        return new ArrayList<>(distinct);
    }
}
