package io.palimpsest.query.jobs;

/** A folder job as {@code GET /v1/bulkJobs/{jobId}} shows it, with the sequence of its last event. */
public record FolderJobRecord(String jobId, String type, String status, long sequence) {
}
