package io.palimpsest.query.search.language;

import java.time.Clock;
import java.util.Objects;

/**
 * Parses ImageKit's searchQuery language (spec §5) into a validated {@link SearchExpression}: AND
 * binds tighter than OR, parentheses group, keywords are accepted in any case, and each field
 * takes only the operators and values spec §5.2 gives it. Thread-safe.
 */
public final class SearchQueryParser {

    private final ValueReader values;

    /** @param clock what relative times such as {@code "7d"} count back from */
    public SearchQueryParser(Clock clock) {
        this.values = new ValueReader(Objects.requireNonNull(clock, "clock"));
    }

    /** @throws SearchQueryException when the query does not parse or asks something its fields cannot answer */
    public SearchExpression parse(String query) {
        Objects.requireNonNull(query, "query");
        return new ExpressionParser(Lexer.tokenize(query), values).query();
    }

    /** @throws SearchQueryException when the query does not parse or asks something its fields cannot answer */
    public static SearchExpression parse(String query, Clock clock) {
        return new SearchQueryParser(clock).parse(query);
    }
}
