package io.palimpsest.shared.files;

/** How a version came into a file's history. */
public enum VersionSource {
    /** Bytes uploaded by a client. */
    UPLOAD,
    /** Copied from another file's history (copy onto a new or an existing file). */
    COPY,
    /** Brought over from another file that was moved onto this one. */
    MOVE
}
