package io.palimpsest.query.config;

import io.palimpsest.platform.web.ApiError;
import io.palimpsest.platform.web.ApiErrorTranslator;
import io.palimpsest.query.search.language.SearchQueryException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The read side's own errors in ImageKit's shape: search syntax errors (spec §10), and searches that ask
 * for more conditions than Lucene combines in one query.
 */
@Component
class QueryErrorTranslator implements ApiErrorTranslator {

    private static final String INVALID_SEARCH_QUERY = "Your request contains invalid syntax for the searchQuery "
            + "parameter. ";

    @Override
    public Optional<ApiError> translate(Throwable error) {
        if (error instanceof SearchQueryException invalid) {
            return Optional.of(invalidSearchQuery(invalid.getMessage()));
        }
        if (error instanceof IndexSearcher.TooManyClauses) {
            // from a searchQuery or from the legacy tags parameter, whichever asked for too much
            return Optional.of(new ApiError(HttpStatus.BAD_REQUEST, "Your request asks for more than "
                    + IndexSearcher.getMaxClauseCount() + " conditions in one search (each value of an IN list or "
                    + "of the tags parameter counts as one).", "TOO_MANY_CONDITIONS", Map.of()));
        }
        return Optional.empty();
    }

    private static ApiError invalidSearchQuery(String detail) {
        return new ApiError(HttpStatus.BAD_REQUEST, INVALID_SEARCH_QUERY + detail, "INVALID_SEARCH_QUERY", Map.of());
    }
}
