package io.palimpsest.query.search.language;

/**
 * A searchQuery that does not parse or does not make sense for its fields. The message names the
 * offending token and its 0-based position in the query; the API answers it with 400
 * {@code INVALID_SEARCH_QUERY} (spec §10).
 */
public final class SearchQueryException extends RuntimeException {

    private final String token;
    private final int position;

    public SearchQueryException(String message, String token, int position) {
        super(message, null, false, false);
        this.token = token;
        this.position = position;
    }

    /** The offending token as written (a field name or value without its quotes); empty for an empty query. */
    public String token() {
        return token;
    }

    /** Where the offending token starts, counting characters of the query from 0. */
    public int position() {
        return position;
    }

    static SearchQueryException emptyQuery() {
        return new SearchQueryException("Empty search query at position 0", "", 0);
    }

    static SearchQueryException unexpectedCharacter(String character, int position) {
        return new SearchQueryException(
                "Unexpected character '" + character + "' at position " + position, character, position);
    }

    static SearchQueryException unterminatedString(String rest, int position) {
        return new SearchQueryException("Unterminated string starting at position " + position, rest, position);
    }

    static SearchQueryException unexpectedToken(Token token) {
        return new SearchQueryException(
                "Unexpected token '" + token.source() + "' at position " + token.position(), token.source(), token.position());
    }

    static SearchQueryException unexpectedEnd(Token last) {
        return new SearchQueryException(
                "Unexpected end of query after '" + last.source() + "' at position " + last.position(),
                last.source(), last.position());
    }

    static SearchQueryException nestedTooDeep(Token parenthesis, int limit) {
        return new SearchQueryException("Parentheses nested deeper than " + limit + " at position "
                + parenthesis.position(), parenthesis.source(), parenthesis.position());
    }

    static SearchQueryException unknownField(Token token) {
        return new SearchQueryException(
                "Unknown field '" + token.text() + "' at position " + token.position(), token.text(), token.position());
    }

    static SearchQueryException operatorNotAllowed(Operator operator, Field field, int position) {
        return new SearchQueryException(
                "Operator " + operator.symbol() + " is not allowed on field '" + field.queryName() + "' at position " + position,
                operator.symbol(), position);
    }

    static SearchQueryException invalidValue(Field field, Token token, String expected) {
        return new SearchQueryException(
                "Invalid value '" + token.text() + "' for field '" + field.queryName() + "' at position " + token.position()
                        + ": " + expected,
                token.text(), token.position());
    }
}
