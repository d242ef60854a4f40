-- Folders and folder jobs of the write side, kept by the subscribing "file-paths" processor in the
-- transaction of their events (io.palimpsest.command.folders.FolderRegistry).

-- Folder and file paths are matched by prefix (everything under /a/b/): a pattern index makes
-- LIKE 'prefix%' an index range scan whatever the database's collation.
CREATE INDEX file_path_prefix ON file_path (path text_pattern_ops);

-- Folders created explicitly (folders also exist implicitly while files are in them).
CREATE TABLE folder_path (
    path      TEXT        NOT NULL PRIMARY KEY,
    folder_id VARCHAR(24) NOT NULL
);
CREATE INDEX folder_path_prefix ON folder_path (path text_pattern_ops);

-- Background folder jobs; a Pending one is resumed when a node starts.
CREATE TABLE folder_job (
    job_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    type             VARCHAR(32)  NOT NULL,
    source           TEXT         NOT NULL,
    destination      TEXT         NOT NULL,
    include_versions BOOLEAN      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    completed_at     TIMESTAMPTZ
);
CREATE INDEX folder_job_pending ON folder_job (status);

-- Copy and move steps done, by operation id, written in the step's own transaction: a retried or
-- resumed step finds itself here and does nothing, so nothing is copied twice.
CREATE TABLE completed_operation (
    operation_id VARCHAR(128) NOT NULL PRIMARY KEY
);
