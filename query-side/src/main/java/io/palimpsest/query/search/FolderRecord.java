package io.palimpsest.query.search;

import io.palimpsest.shared.files.FolderPath;
import io.palimpsest.shared.folders.FolderId;
import java.time.Instant;
import java.util.List;

/**
 * A folder as list and search show it. Folders exist because a file was put in them (or, later, were
 * created explicitly); their id is derived from their path, so every node agrees on it.
 */
public record FolderRecord(String path, String name, String parent, String folderId, Instant createdAt,
                           Instant updatedAt) {

    public static FolderRecord of(FolderPath folder, Instant at) {
        List<String> segments = folder.segments();
        String name = segments.get(segments.size() - 1);
        String parent = folder.value().substring(0, folder.value().length() - name.length() - 1);
        return new FolderRecord(folder.value(), name, parent, FolderId.of(folder).value(), at, at);
    }

    /** ImageKit's folderPath has no trailing slash ({@code /a/b}). */
    public String folderPath() {
        return path.substring(0, path.length() - 1);
    }
}
