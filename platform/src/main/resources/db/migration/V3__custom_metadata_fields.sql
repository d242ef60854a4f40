-- Custom metadata field definitions as the write side needs them, kept in the same transaction as the
-- event append by the subscribing "custom-metadata-field-registry" processor
-- (io.palimpsest.command.metadata.CustomMetadataFieldRegistry). Uploads and detail edits validate
-- customMetadata against this table; the unique indexes make ImageKit's naming rules hold even under
-- racing requests (the loser's events roll back with its row).
CREATE TABLE custom_metadata_field (
    field_id VARCHAR(24) NOT NULL PRIMARY KEY,
    name     TEXT        NOT NULL,
    label    TEXT        NOT NULL,
    -- io.palimpsest.shared.metadata.FieldSchema as JSON
    schema   JSONB       NOT NULL,
    deleted  BOOLEAN     NOT NULL DEFAULT FALSE
);

-- A name is unique across all fields, deleted ones included: it can never be used again.
CREATE UNIQUE INDEX custom_metadata_field_name_unique ON custom_metadata_field (name);

-- A label is unique among the fields that are not deleted.
CREATE UNIQUE INDEX custom_metadata_field_label_unique ON custom_metadata_field (label) WHERE NOT deleted;
