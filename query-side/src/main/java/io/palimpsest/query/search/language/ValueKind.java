package io.palimpsest.query.search.language;

/** What a field's values are, and so how a literal in the query is read for it. */
enum ValueKind {
    /** A quoted string, kept as written. */
    TEXT,
    /** {@code "file"}, {@code "file-version"} or {@code "folder"}. */
    TYPE,
    /** A folder path, normalised to {@code /a/b/}. */
    FOLDER,
    /** A file format, lower-cased, {@code jpeg} read as {@code jpg}. */
    FORMAT,
    /** An absolute date or a relative time, resolved to an instant. */
    DATE,
    /** A whole number (pixels). */
    COUNT,
    /** A number of bytes, or a size with a unit such as {@code "1mb"}. */
    SIZE,
    /** {@code true} or {@code false}. */
    FLAG,
    /** Metadata whose type is unknown when parsing: the literal's own type decides. */
    METADATA
}
