package io.palimpsest.shared.folders;

import io.palimpsest.shared.files.FolderPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a folder: derived from its path (24 hex characters of its SHA-256, ImageKit's shape),
 * so a folder that only exists because files were put in it has the same id on every node, and
 * creating a folder twice addresses the same aggregate.
 */
public record FolderId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{24}");

    public FolderId {
        Objects.requireNonNull(value, "folderId");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a folderId: " + value);
        }
    }

    public static FolderId of(FolderPath folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(folder.value().getBytes(StandardCharsets.UTF_8));
            return new FolderId(HexFormat.of().formatHex(digest).substring(0, 24));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
