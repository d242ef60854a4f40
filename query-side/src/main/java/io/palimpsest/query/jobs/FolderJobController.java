package io.palimpsest.query.jobs;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.query.files.ReadYourWrites;
import io.palimpsest.shared.folders.events.FolderJobCompleted;
import io.palimpsest.shared.folders.events.FolderJobStarted;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /v1/bulkJobs/{jobId}} (spec §3.12). */
@RestController
class FolderJobController {

    static final String NO_SUCH_JOB = "The requested job does not exist.";
    /** Job ids are made in ImageKit's ObjectId shape; anything else names no job and is not looked up. */
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{24}");

    private final FolderJobProjection jobs;
    private final ReadYourWrites readYourWrites;

    FolderJobController(FolderJobProjection jobs, ReadYourWrites readYourWrites) {
        this.jobs = jobs;
        this.readYourWrites = readYourWrites;
    }

    private static FolderJobRecord fold(FolderJobRecord job, DomainEventMessage<?> event) {
        if (event.getPayload() instanceof FolderJobStarted started) {
            return new FolderJobRecord(started.jobId(), started.type().name(), "Pending", event.getSequenceNumber());
        }
        if (event.getPayload() instanceof FolderJobCompleted completed) {
            return new FolderJobRecord(completed.jobId(), completed.type().name(), "Completed",
                    event.getSequenceNumber());
        }
        return job;
    }

    @GetMapping(path = "/v1/bulkJobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> job(@PathVariable String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            return Mono.error(ApiError.notFound(NO_SUCH_JOB));
        }
        return Mono.fromCallable(() -> readYourWrites.read(jobId, () -> jobs.load(jobId), FolderJobRecord::sequence,
                                FolderJobController::fold)
                        .map(job -> Map.<String, Object>of("jobId", job.jobId(), "type", job.type(),
                                "status", job.status()))
                        .orElseThrow(() -> ApiError.notFound(NO_SUCH_JOB)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
