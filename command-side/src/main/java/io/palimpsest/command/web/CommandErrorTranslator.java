package io.palimpsest.command.web;

import io.palimpsest.command.files.CurrentVersionNotDeletable;
import io.palimpsest.command.files.NoSuchVersion;
import io.palimpsest.command.files.SameFolder;
import io.palimpsest.command.files.SameName;
import io.palimpsest.command.files.StalePath;
import io.palimpsest.command.files.TagLimitExceeded;
import io.palimpsest.command.files.VersionLimitExceeded;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.platform.web.ApiErrorTranslator;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The write side's domain errors as ImageKit reports them: status, message and reason, in one place. */
@Component
class CommandErrorTranslator implements ApiErrorTranslator {

    static final String FILE_NOT_FOUND = "The requested file does not exist.";

    @Override
    public Optional<ApiError> translate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Optional<ApiError> translated = translateOne(cause);
            if (translated.isPresent()) {
                return translated;
            }
        }
        return Optional.empty();
    }

    private static Optional<ApiError> translateOne(Throwable error) {
        if (error instanceof AggregateNotFoundException) {
            return Optional.of(ApiError.notFound(FILE_NOT_FOUND));
        }
        if (error instanceof NoSuchVersion) {
            return Optional.of(ApiError.notFound("The requested file version does not exist."));
        }
        if (error instanceof CurrentVersionNotDeletable) {
            return Optional.of(ApiError.badRequest("You cannot delete current version of a file."));
        }
        if (error instanceof VersionLimitExceeded) {
            return Optional.of(ApiError.badRequest("A file can have at most " + VersionLimitExceeded.LIMIT
                    + " versions. Delete a non-current version first.", "VERSION_LIMIT_EXCEEDED"));
        }
        if (error instanceof TagLimitExceeded) {
            return Optional.of(ApiError.badRequest("Combined length of all tags of the file should be less than or equal to "
                    + TagLimitExceeded.LIMIT + "."));
        }
        if (error instanceof SameName) {
            return Optional.of(ApiError.badRequest("The new name is the same as the old name.",
                    "SAME_OLD_AND_NEW_NAME"));
        }
        if (error instanceof SameFolder) {
            return Optional.of(ApiError.badRequest("The source and destination are the same.",
                    "SAME_SOURCE_AND_DESTINATION"));
        }
        if (error instanceof StalePath) {
            return Optional.of(new ApiError(HttpStatus.CONFLICT,
                    "The file was renamed or moved by another request. Please retry."));
        }
        return Optional.empty();
    }
}
