package io.palimpsest.query.files;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FileId;
import io.palimpsest.shared.files.VersionId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * File details and version history by id (spec §3.2, §3.10), rendered straight to JSON bytes; on the
 * usual path no thread blocks (see {@link ReadYourWrites#readLater}).
 */
@RestController
class FileQueryController {

    private final FileReads reads;
    private final FileObjects objects;

    FileQueryController(FileReads reads, FileObjects objects) {
        this.reads = reads;
        this.objects = objects;
    }

    @GetMapping(path = "/v1/files/{fileId}/details", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> details(@PathVariable String fileId) {
        return Mono.defer(() -> reads.existingLater(validFileId(fileId)))
                .map(file -> objects.json(file, file.current().orElseThrow()));
    }

    @GetMapping(path = "/v1/files/{fileId}/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> versions(@PathVariable String fileId) {
        return Mono.defer(() -> reads.existingLater(validFileId(fileId)))
                .map(file -> objects.jsonArray(file, file.versions()));
    }

    @GetMapping(path = "/v1/files/{fileId}/versions/{versionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> version(@PathVariable String fileId, @PathVariable String versionId) {
        return Mono.defer(() -> {
            String file = validFileId(fileId);
            if (!VersionId.isValid(versionId)) {
                throw ApiError.badRequest("Your request contains invalid versionId parameter.");
            }
            return reads.existingLater(file);
        }).map(record -> record.version(versionId).map(v -> objects.json(record, v))
                .orElseThrow(() -> ApiError.notFound("The requested file version does not exist.")));
    }

    static String validFileId(String fileId) {
        if (!FileId.isValid(fileId)) {
            throw ApiError.badRequest("Your request contains invalid fileId parameter.");
        }
        return fileId;
    }
}
