package io.palimpsest.query.search.language;

import io.palimpsest.query.search.language.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a query into tokens, ending with an {@link Kind#END} token. */
final class Lexer {

    /** An unquoted date-time holds colons, which elsewhere are the begins-with operator. */
    private static final Pattern UNQUOTED_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private final String query;
    private int position;

    private Lexer(String query) {
        this.query = query;
    }

    static List<Token> tokenize(String query) {
        return new Lexer(query).tokens();
    }

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (position == query.length()) {
                tokens.add(Token.end(position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (position < query.length() && Character.isWhitespace(query.charAt(position))) {
            position++;
        }
    }

    private Token next() {
        char c = query.charAt(position);
        return switch (c) {
            case '(' -> symbol(Kind.LEFT_PAREN, 1);
            case ')' -> symbol(Kind.RIGHT_PAREN, 1);
            case '[' -> symbol(Kind.LEFT_BRACKET, 1);
            case ']' -> symbol(Kind.RIGHT_BRACKET, 1);
            case ',' -> symbol(Kind.COMMA, 1);
            case '=' -> symbol(Kind.EQUALS, 1);
            case ':' -> symbol(Kind.COLON, 1);
            case '<' -> followedByEquals() ? symbol(Kind.LESS_OR_EQUAL, 2) : symbol(Kind.LESS, 1);
            case '>' -> followedByEquals() ? symbol(Kind.GREATER_OR_EQUAL, 2) : symbol(Kind.GREATER, 1);
            case '"', '\'' -> quoted(c);
            default -> {
                if (isWordCharacter(c)) {
                    yield word();
                }
                String character = new String(Character.toChars(query.codePointAt(position)));
                throw SearchQueryException.unexpectedCharacter(character, position);
            }
        };
    }

    private boolean followedByEquals() {
        return position + 1 < query.length() && query.charAt(position + 1) == '=';
    }

    private Token symbol(Kind kind, int length) {
        int start = position;
        position += length;
        String source = query.substring(start, position);
        return new Token(kind, source, source, start);
    }

    /** A string in the given quotes; a backslash takes the next character as it is. */
    private Token quoted(char quote) {
        int start = position;
        StringBuilder text = new StringBuilder();
        position++;
        while (position < query.length()) {
            char c = query.charAt(position++);
            if (c == quote) {
                return new Token(Kind.QUOTED, text.toString(), query.substring(start, position), start);
            }
            if (c == '\\' && position < query.length()) {
                c = query.charAt(position++);
            }
            text.append(c);
        }
        throw SearchQueryException.unterminatedString(query.substring(start), start);
    }

    private Token word() {
        int start = position;
        Matcher dateTime = UNQUOTED_DATE_TIME.matcher(query).region(position, query.length());
        if (dateTime.lookingAt()) {
            position = dateTime.end();
        }
        while (position < query.length() && isWordCharacter(query.charAt(position))) {
            position++;
        }
        String source = query.substring(start, position);
        return new Token(Kind.WORD, source, source, start);
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
