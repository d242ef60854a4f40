package io.palimpsest.standalone.views;

import io.palimpsest.command.files.views.FileViews;
import io.palimpsest.query.files.FileObjects;
import io.palimpsest.query.files.FileReads;
import io.palimpsest.query.files.FileRecord;
import io.palimpsest.shared.files.FileId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Answers the write side's {@link FileViews} from the read side in the same JVM: the version history
 * read model, waited on until it reflects every event already stored for the file, rendered exactly
 * as {@code GET /v1/files/{fileId}/details} renders it. So a restore or PATCH answers with the File
 * that the next read returns. Only the deployment knows both sides; neither side knows the other.
 */
@Component
class ReadModelFileViews implements FileViews {

    private final FileReads reads;
    private final FileObjects objects;

    ReadModelFileViews(FileReads reads, FileObjects objects) {
        this.reads = reads;
        this.objects = objects;
    }

    @Override
    public Map<String, Object> currentFile(FileId fileId) {
        FileRecord file = reads.existing(fileId.value());
        return objects.render(file, file.current().orElseThrow());
    }
}
