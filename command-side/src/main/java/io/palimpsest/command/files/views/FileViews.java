package io.palimpsest.command.files.views;

import io.palimpsest.shared.files.FileId;
import java.util.Map;

/**
 * The File object (spec §2.1) of a file's current version, as the next read will show it. Writes
 * that answer with a File (restore, PATCH details) ask this port after their command succeeded, so
 * the answer reflects the write. The write side renders no read model of its own and must not
 * depend on the read side: the deployment that runs both provides the implementation.
 */
public interface FileViews {

    /**
     * Blocking: call it off the event loop. Reflects every write acknowledged before the call;
     * fails with a 404 {@code ApiError} when the file does not exist (any more).
     */
    Map<String, Object> currentFile(FileId fileId);
}
