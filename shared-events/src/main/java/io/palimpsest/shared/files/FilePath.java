package io.palimpsest.shared.files;

import java.util.Objects;

/** Where a file lives: its folder and its name; {@link #toString()} is ImageKit's {@code filePath}. */
public record FilePath(FolderPath folder, FileName name) {

    public FilePath {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(name, "name");
    }

    public static FilePath of(String folder, String name) {
        return new FilePath(FolderPath.parse(folder), new FileName(name));
    }

    /** Reads a {@code filePath} as clients send it ({@code /folder/name.ext}, leading slash optional). */
    public static FilePath parse(String filePath) {
        Objects.requireNonNull(filePath, "filePath");
        String trimmed = filePath.trim();
        int slash = trimmed.lastIndexOf('/');
        return new FilePath(FolderPath.parse(slash < 0 ? "/" : trimmed.substring(0, slash + 1)),
                new FileName(trimmed.substring(slash + 1)));
    }

    public FilePath withName(FileName newName) {
        return new FilePath(folder, newName);
    }

    public FilePath inFolder(FolderPath newFolder) {
        return new FilePath(newFolder, name);
    }

    @Override
    public String toString() {
        return folder.value() + name.value();
    }
}
