-- Lookups of the write side, kept in the same transaction as the event append by the subscribing
-- "file-paths" processor (io.palimpsest.command.files.paths.FilePathRegistry).

-- One file per path: the unique key is what turns two racing first uploads into one file.
CREATE TABLE file_path (
    path    TEXT        NOT NULL PRIMARY KEY,
    file_id VARCHAR(24) NOT NULL UNIQUE
);

-- Which version references which blob: garbage collection deletes blobs referenced by no row.
CREATE TABLE content_reference (
    file_id      VARCHAR(24) NOT NULL,
    version_id   VARCHAR(24) NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    PRIMARY KEY (file_id, version_id)
);
CREATE INDEX content_reference_hash ON content_reference (content_hash);

-- Client-side upload tokens are single use.
CREATE TABLE used_upload_token (
    token      VARCHAR(255) NOT NULL PRIMARY KEY,
    expires_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX used_upload_token_expiry ON used_upload_token (expires_at);
