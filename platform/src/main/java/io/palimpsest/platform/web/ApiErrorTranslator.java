package io.palimpsest.platform.web;

import java.util.Optional;

/**
 * Turns a side's own exceptions (domain rule violations, missing aggregates) into API errors. Each
 * side declares one bean; {@link ApiExceptionHandler} asks them all before falling back to a 500.
 */
@FunctionalInterface
public interface ApiErrorTranslator {

    Optional<ApiError> translate(Throwable error);
}
