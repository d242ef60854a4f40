package io.palimpsest.command.files;

import io.palimpsest.platform.web.ApiError;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * Runs a look-up-then-command step again when another request got in between: it took the path,
 * renamed, moved or deleted the file, or appended to it first. Each attempt looks again, so the
 * retry sees the winner's result (a taken path becomes a new version, not a second file).
 */
public final class LostRaces {

    private static final int MAX_ATTEMPTS = 10;

    private LostRaces() {
    }

    public static <T> T retry(Supplier<T> attempt) {
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!isLostRace(e)) {
                    throw e;
                }
            }
        }
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            if (isLostRace(e)) {
                throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE,
                        "The file was changed by other requests too often while this request ran. Please retry.");
            }
            throw e;
        }
    }

    public static boolean isLostRace(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException || cause instanceof StalePath
                    || cause instanceof AggregateNotFoundException || cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
