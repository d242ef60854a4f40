package io.palimpsest.query.search;

import io.palimpsest.shared.files.FolderPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
        return new FolderRecord(folder.value(), name, parent, idOf(folder.value()), at, at);
    }

    /** ImageKit's folderPath has no trailing slash ({@code /a/b}). */
    public String folderPath() {
        return path.substring(0, path.length() - 1);
    }

    private static String idOf(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
