package io.palimpsest.shared.files.events;

import io.palimpsest.shared.files.FileId;

/** Every event of a file's lifecycle names its file; read models fold them per file in sequence order. */
public interface FileEvent {

    FileId fileId();
}
