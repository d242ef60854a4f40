package io.palimpsest.command.files.bulk;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.platform.web.ApiErrorTranslator;
import io.palimpsest.shared.files.FileId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * ImageKit's contract for operations on a list of files (bulk delete, spec §3.5; bulk tags, §3.11):
 * <ul>
 *   <li>If any named file does not exist, nothing is changed and the answer is 404 with
 *   {@code missingFileIds}. The 404 body has no list of what succeeded, so changing some files and
 *   answering 404 would leave the client unable to tell what happened: hence all-or-nothing.</li>
 *   <li>Otherwise each file gets its own command. A file that fails (a rule of its own, or a
 *   concurrent delete after the check) is reported in {@code errors} and the answer is 207; when
 *   none fails it is 200.</li>
 * </ul>
 * Blocking: call it off the event loop.
 */
@Component
public class BulkFileEdits {

    public static final String FILES_MISSING = "The requested file(s) does not exist.";
    private static final String INTERNAL_ERROR = "We have experienced an internal error while processing your request.";
    private static final Logger log = LoggerFactory.getLogger(BulkFileEdits.class);

    private final JdbcTemplate jdbc;
    private final List<ApiErrorTranslator> translators;

    BulkFileEdits(JdbcTemplate jdbc, List<ApiErrorTranslator> translators) {
        this.jdbc = jdbc;
        this.translators = translators;
    }

    /** Applies {@code edit} to each file in turn, after checking that every one of them exists. */
    public Outcome apply(List<String> fileIds, Consumer<FileId> edit) {
        List<String> missing = missing(fileIds);
        if (!missing.isEmpty()) {
            throw new ApiError(HttpStatus.NOT_FOUND, FILES_MISSING, null, Map.of("missingFileIds", missing));
        }
        List<String> succeeded = new ArrayList<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (String fileId : fileIds) {
            try {
                edit.accept(new FileId(fileId));
                succeeded.add(fileId);
            } catch (RuntimeException e) {
                errors.add(Map.of("fileId", fileId, "error", messageOf(e)));
            }
        }
        return new Outcome(succeeded, errors);
    }

    /**
     * Live files are those with a path: the path registry (its table, written in the same
     * transaction as every create, delete and merge) drops a file's row when the file ends.
     */
    private List<String> missing(List<String> fileIds) {
        List<String> wellFormed = fileIds.stream().filter(FileId::isValid).toList();
        Set<String> live = new HashSet<>();
        if (!wellFormed.isEmpty()) {
            String placeholders = String.join(",", Collections.nCopies(wellFormed.size(), "?"));
            live.addAll(jdbc.queryForList("SELECT file_id FROM file_path WHERE file_id IN (" + placeholders + ")",
                    String.class, wellFormed.toArray()));
        }
        return fileIds.stream().filter(id -> !live.contains(id)).toList();
    }

    private String messageOf(RuntimeException error) {
        if (error instanceof ApiError apiError) {
            return apiError.getMessage();
        }
        for (ApiErrorTranslator translator : translators) {
            Optional<ApiError> translated = translator.translate(error);
            if (translated.isPresent()) {
                return translated.get().getMessage();
            }
        }
        log.error("A bulk file edit failed unexpectedly", error);
        return INTERNAL_ERROR;
    }

    /** What a bulk operation did: 200 when every file succeeded, 207 with {@code errors} otherwise. */
    public record Outcome(List<String> succeeded, List<Map<String, String>> errors) {

        public Outcome {
            succeeded = List.copyOf(succeeded);
            errors = List.copyOf(errors);
        }

        public HttpStatus status() {
            return errors.isEmpty() ? HttpStatus.OK : HttpStatus.MULTI_STATUS;
        }

        /** The body, with the success list under the endpoint's own name for it. */
        public Map<String, Object> body(String succeededField) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(succeededField, succeeded);
            if (!errors.isEmpty()) {
                body.put("errors", errors);
            }
            return body;
        }
    }
}
