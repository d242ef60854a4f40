package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.StagedFile;
import java.util.Map;

/**
 * The multipart form of an upload as it arrived: its text fields, and the {@code file} part's bytes
 * already staged to disk when it was a binary part (otherwise {@code file} is among the fields, as a
 * URL, a data URI or base64).
 */
record UploadForm(Map<String, String> fields, StagedFile stagedFile) {

    String field(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }
}
