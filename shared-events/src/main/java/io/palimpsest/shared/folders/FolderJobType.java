package io.palimpsest.shared.folders;

/** ImageKit's bulk job types. */
public enum FolderJobType {
    COPY_FOLDER,
    MOVE_FOLDER,
    RENAME_FOLDER
}
