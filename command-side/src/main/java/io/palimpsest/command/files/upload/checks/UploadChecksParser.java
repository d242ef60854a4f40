package io.palimpsest.command.files.upload.checks;

import io.palimpsest.command.files.upload.checks.UploadCheck.AllOf;
import io.palimpsest.command.files.upload.checks.UploadCheck.AnyOf;
import io.palimpsest.command.files.upload.checks.UploadCheck.Condition;
import io.palimpsest.shared.files.FolderPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an upload's {@code checks} parameter, written in the searchQuery language (spec §5.1) over
 * the fields of {@link CheckField}:
 * <pre>
 * checks    := any
 * any       := all ( "OR" all )*
 * all       := primary ( "AND" primary )*
 * primary   := "(" any ")" | field operator value | field ( "IN" | "NOT" "IN" ) "[" value ( "," value )* "]"
 * operator  := "=" | "NOT" "=" | ":" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * </pre>
 * Field names and values may be quoted with double or single quotes (ImageKit's SDKs show both);
 * keywords are accepted in any case. Every value is checked against its field here, so a check that
 * parses can always be evaluated.
 */
public final class UploadChecksParser {

    /** Longer checks are refused rather than parsed: a check is a short rule, not a document. */
    public static final int MAX_LENGTH = 2_000;
    static final int MAX_NESTING = 20;

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
            + "(?<quoted>\"(?:[^\"\\\\]++|\\\\.)*+\"|'(?:[^'\\\\]++|\\\\.)*+')"
            + "|(?<symbol><=|>=|[()\\[\\],=:<>])"
            + "|(?<word>[^\\s()\\[\\],=:<>\"']+))", Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("\\s*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)", Pattern.DOTALL);
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final BigDecimal KIBIBYTE = BigDecimal.valueOf(1024);

    private final List<Token> tokens;
    private int next;
    private int nesting;

    private UploadChecksParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws InvalidChecks when the text does not parse or compares a field with what it cannot hold */
    public static UploadCheck parse(String checks) {
        if (checks.length() > MAX_LENGTH) {
            throw new InvalidChecks("checks longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        UploadChecksParser parser = new UploadChecksParser(tokenize(checks));
        if (parser.peek().isEnd()) {
            throw new InvalidChecks("empty checks", 0);
        }
        UploadCheck check = parser.any();
        if (!parser.peek().isEnd()) {
            throw parser.unexpected(parser.peek());
        }
        return check;
    }

    private UploadCheck any() {
        return joined("OR", this::all, AnyOf::new);
    }

    private UploadCheck all() {
        return joined("AND", this::primary, AllOf::new);
    }

    private UploadCheck joined(String keyword, Supplier<UploadCheck> part,
                               Function<List<UploadCheck>, UploadCheck> join) {
        List<UploadCheck> parts = new ArrayList<>();
        parts.add(part.get());
        while (peek().isKeyword(keyword)) {
            next++;
            parts.add(part.get());
        }
        return parts.size() == 1 ? parts.get(0) : join.apply(parts);
    }

    private UploadCheck primary() {
        if (!peek().isSymbol("(")) {
            return condition();
        }
        Token open = advance();
        if (++nesting > MAX_NESTING) {
            throw new InvalidChecks("parentheses nested deeper than " + MAX_NESTING, open.position());
        }
        UploadCheck inner = any();
        expectSymbol(")");
        nesting--;
        return inner;
    }

    private Condition condition() {
        Token name = operand();
        CheckField field = CheckField.named(name.text())
                .orElseThrow(() -> new InvalidChecks("unknown field " + name.source(), name.position()));
        Token operatorToken = peek();
        CheckOperator operator = operator();
        if (!field.allows(operator)) {
            throw new InvalidChecks("operator " + operator.symbol() + " does not apply to " + field.fieldName(),
                    operatorToken.position());
        }
        if (!operator.takesList()) {
            return new Condition(field, operator, List.of(value(field, operator, operand())));
        }
        expectSymbol("[");
        List<Object> values = new ArrayList<>();
        values.add(value(field, operator, operand()));
        while (peek().isSymbol(",")) {
            next++;
            values.add(value(field, operator, operand()));
        }
        expectSymbol("]");
        return new Condition(field, operator, values);
    }

    private CheckOperator operator() {
        Token token = advance();
        if (token.isKeyword("NOT")) {
            Token negated = advance();
            if (negated.isSymbol("=")) {
                return CheckOperator.NOT_EQUALS;
            }
            if (negated.isKeyword("IN")) {
                return CheckOperator.NOT_IN;
            }
            throw unexpected(negated);
        }
        if (token.isKeyword("IN")) {
            return CheckOperator.IN;
        }
        if (token.kind() == Token.Kind.SYMBOL) {
            for (CheckOperator operator : CheckOperator.values()) {
                if (operator.symbol().equals(token.text()) && !operator.takesList()) {
                    return operator;
                }
            }
        }
        throw unexpected(token);
    }

    /** The value as the field compares it. */
    private static Object value(CheckField field, CheckOperator operator, Token token) {
        String text = token.text().trim();
        return switch (field.kind()) {
            case FOLDER -> folder(field, token);
            case TEXT -> text.toLowerCase(Locale.ROOT);
            case SIZE -> size(text).orElseThrow(() -> new InvalidChecks(field.fieldName()
                    + " takes a number of bytes or a size like \"10kb\" or \"1.5mb\", not " + token.source(),
                    token.position()));
            case NUMBER -> {
                if (!NUMBER.matcher(text).matches()) {
                    throw new InvalidChecks(field.fieldName() + " takes a number, not " + token.source(), token.position());
                }
                yield new BigDecimal(text);
            }
        };
    }

    private static Optional<BigDecimal> size(String text) {
        Matcher size = SIZE.matcher(text);
        if (!size.matches()) {
            return Optional.empty();
        }
        String unit = size.group(2) == null ? "b" : size.group(2).toLowerCase(Locale.ROOT);
        int power = switch (unit) {
            case "kb" -> 1;
            case "mb" -> 2;
            case "gb" -> 3;
            default -> 0;
        };
        return Optional.of(new BigDecimal(size.group(1)).multiply(KIBIBYTE.pow(power)));
    }

    /**
     * A folder as uploads name it ({@code marketing}, {@code /marketing/} and {@code marketing//} are all
     * {@code /marketing/}), so {@code :} takes in the folder and its subfolders, never {@code /marketing-old/}.
     */
    private static String folder(CheckField field, Token token) {
        try {
            return FolderPath.parse(token.text()).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidChecks(field.fieldName() + " takes a folder path, not " + token.source(), token.position());
        }
    }

    private Token operand() {
        Token token = advance();
        if (token.kind() == Token.Kind.SYMBOL || token.isKeyword("AND") || token.isKeyword("OR")
                || token.isKeyword("NOT") || token.isKeyword("IN")) {
            throw unexpected(token);
        }
        return token;
    }

    private void expectSymbol(String symbol) {
        Token token = advance();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.isEnd()) {
            throw new InvalidChecks("checks end too early", token.position());
        }
        next++;
        return token;
    }

    private InvalidChecks unexpected(Token token) {
        return token.isEnd()
                ? new InvalidChecks("checks end too early", token.position())
                : new InvalidChecks("unexpected " + token.source(), token.position());
    }

    private static List<Token> tokenize(String checks) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(checks);
        int position = 0;
        while (matcher.region(position, checks.length()).lookingAt()) {
            tokens.add(Token.of(matcher));
            position = matcher.end();
        }
        Matcher space = SPACE.matcher(checks).region(position, checks.length());
        space.lookingAt();
        int at = space.end();
        if (at < checks.length()) {
            String what = checks.charAt(at) == '"' || checks.charAt(at) == '\'' ? "unterminated string" : "unexpected "
                    + checks.charAt(at);
            throw new InvalidChecks(what, at);
        }
        tokens.add(new Token(Token.Kind.END, "", "", checks.length()));
        return tokens;
    }

    /** One token: {@code text} is what it means (quotes and escapes removed), {@code source} what was written. */
    private record Token(Kind kind, String text, String source, int position) {

        enum Kind { QUOTED, SYMBOL, WORD, END }

        static Token of(Matcher matcher) {
            if (matcher.group("quoted") != null) {
                String quoted = matcher.group("quoted");
                String text = ESCAPE.matcher(quoted.substring(1, quoted.length() - 1)).replaceAll("$1");
                return new Token(Kind.QUOTED, text, quoted, matcher.start("quoted"));
            }
            if (matcher.group("symbol") != null) {
                return new Token(Kind.SYMBOL, matcher.group("symbol"), matcher.group("symbol"), matcher.start("symbol"));
            }
            return new Token(Kind.WORD, matcher.group("word"), matcher.group("word"), matcher.start("word"));
        }

        boolean isEnd() {
            return kind == Kind.END;
        }

        boolean isSymbol(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }
}
