package io.palimpsest.query.config;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.platform.web.ApiErrorTranslator;
import io.palimpsest.query.search.language.SearchQueryException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The read side's own errors in ImageKit's shape: search syntax errors (spec §10). */
@Component
class QueryErrorTranslator implements ApiErrorTranslator {

    @Override
    public Optional<ApiError> translate(Throwable error) {
        if (error instanceof SearchQueryException invalid) {
            return Optional.of(new ApiError(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Your request contains invalid syntax for the searchQuery parameter. " + invalid.getMessage(),
                    "INVALID_SEARCH_QUERY", Map.of()));
        }
        return Optional.empty();
    }
}
