package io.palimpsest.query.search.language;

import java.util.Locale;
import java.util.Set;

/**
 * One token of a query. {@code text} is what it means (a quoted string without its quotes and
 * escapes), {@code source} what was written, {@code position} where it starts (0-based).
 */
record Token(Kind kind, String text, String source, int position) {

    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "IN", "NOT", "HAS", "EXISTS");

    enum Kind {
        /** A bare word: field name, keyword, number, boolean, date, relative time or size. */
        WORD,
        /** A string in double or single quotes. */
        QUOTED,
        LEFT_PAREN, RIGHT_PAREN, LEFT_BRACKET, RIGHT_BRACKET, COMMA,
        EQUALS, COLON, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
        END
    }

    static Token end(int position) {
        return new Token(Kind.END, "", "", position);
    }

    boolean is(Kind kind) {
        return this.kind == kind;
    }

    /** Whether this is the keyword, in any case. */
    boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isAnyKeyword() {
        return kind == Kind.WORD && KEYWORDS.contains(text.toUpperCase(Locale.ROOT));
    }

    /** A field name or value: a quoted string, or a bare word that is not a keyword. */
    boolean isOperand() {
        return kind == Kind.QUOTED || kind == Kind.WORD && !isAnyKeyword();
    }
}
