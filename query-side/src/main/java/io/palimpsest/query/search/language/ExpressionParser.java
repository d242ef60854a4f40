package io.palimpsest.query.search.language;

import io.palimpsest.query.search.language.SearchExpression.And;
import io.palimpsest.query.search.language.SearchExpression.Comparison;
import io.palimpsest.query.search.language.SearchExpression.Exists;
import io.palimpsest.query.search.language.SearchExpression.Has;
import io.palimpsest.query.search.language.SearchExpression.InList;
import io.palimpsest.query.search.language.SearchExpression.Or;
import io.palimpsest.query.search.language.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar of spec §5.4, for one query:
 * <pre>
 * query := or
 * or    := and ( "OR" and )*
 * and   := unary ( "AND" unary )*
 * unary := "(" query ")" | cond
 * cond  := field ( cmpop value | ("IN" | "NOT" "IN") array | "HAS" string
 *                | "EXISTS" | "NOT" "EXISTS" | "NOT" "=" value )
 * </pre>
 * so AND binds tighter than OR. Keywords are accepted in any case. Parentheses nest at most
 * {@link #MAX_NESTING} deep, so no query can run the parser out of stack.
 */
final class ExpressionParser {

    static final int MAX_NESTING = 100;

    private final List<Token> tokens;
    private final ValueReader values;
    private int next;
    private int nesting;

    ExpressionParser(List<Token> tokens, ValueReader values) {
        this.tokens = tokens;
        this.values = values;
    }

    SearchExpression query() {
        if (peek().is(Kind.END)) {
            throw SearchQueryException.emptyQuery();
        }
        SearchExpression query = or();
        if (!peek().is(Kind.END)) {
            throw SearchQueryException.unexpectedToken(peek());
        }
        return query;
    }

    private SearchExpression or() {
        List<SearchExpression> operands = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("OR")) {
            advance();
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    private SearchExpression and() {
        List<SearchExpression> operands = new ArrayList<>(List.of(unary()));
        while (peek().isKeyword("AND")) {
            advance();
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    private SearchExpression unary() {
        if (!peek().is(Kind.LEFT_PAREN)) {
            return condition();
        }
        Token parenthesis = advance();
        if (++nesting > MAX_NESTING) {
            throw SearchQueryException.nestedTooDeep(parenthesis, MAX_NESTING);
        }
        SearchExpression inner = or();
        expect(Kind.RIGHT_PAREN);
        nesting--;
        return inner;
    }

    private SearchExpression condition() {
        Field field = field();
        Token operatorToken = peek();
        Operator operator = operator();
        if (!field.allows(operator)) {
            throw SearchQueryException.operatorNotAllowed(operator, field, operatorToken.position());
        }
        return switch (operator) {
            case IN, NOT_IN -> new InList(field, operator == Operator.NOT_IN, list(field, operator));
            case HAS -> new Has(field, values.fullText(field, operand()));
            case EXISTS, NOT_EXISTS -> new Exists(field, operator == Operator.NOT_EXISTS);
            default -> new Comparison(field, operator, values.read(field, operator, operand()));
        };
    }

    private Field field() {
        Token token = operand();
        return Field.named(token.text()).orElseThrow(() -> SearchQueryException.unknownField(token));
    }

    private Operator operator() {
        Token token = advance();
        Operator symbol = switch (token.kind()) {
            case EQUALS -> Operator.EQUALS;
            case COLON -> Operator.BEGINS_WITH;
            case LESS -> Operator.LESS_THAN;
            case LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
            case GREATER -> Operator.GREATER_THAN;
            case GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
            default -> null;
        };
        if (symbol != null) {
            return symbol;
        }
        if (token.isKeyword("IN")) {
            return Operator.IN;
        }
        if (token.isKeyword("HAS")) {
            return Operator.HAS;
        }
        if (token.isKeyword("EXISTS")) {
            return Operator.EXISTS;
        }
        if (token.isKeyword("NOT")) {
            return negatedOperator();
        }
        throw SearchQueryException.unexpectedToken(token);
    }

    private Operator negatedOperator() {
        Token token = advance();
        if (token.is(Kind.EQUALS)) {
            return Operator.NOT_EQUALS;
        }
        if (token.isKeyword("IN")) {
            return Operator.NOT_IN;
        }
        if (token.isKeyword("EXISTS")) {
            return Operator.NOT_EXISTS;
        }
        throw SearchQueryException.unexpectedToken(token);
    }

    private List<Value> list(Field field, Operator operator) {
        expect(Kind.LEFT_BRACKET);
        List<Value> list = new ArrayList<>(List.of(values.read(field, operator, operand())));
        while (peek().is(Kind.COMMA)) {
            advance();
            list.add(values.read(field, operator, operand()));
        }
        expect(Kind.RIGHT_BRACKET);
        return list;
    }

    /** A field name or value: a quoted string or a bare word that is not a keyword. */
    private Token operand() {
        Token token = advance();
        if (!token.isOperand()) {
            throw SearchQueryException.unexpectedToken(token);
        }
        return token;
    }

    private void expect(Kind kind) {
        Token token = advance();
        if (!token.is(kind)) {
            throw SearchQueryException.unexpectedToken(token);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    /** The next token; running out of tokens is reported against the last one read. */
    private Token advance() {
        Token token = tokens.get(next);
        if (token.is(Kind.END)) {
            throw SearchQueryException.unexpectedEnd(tokens.get(next - 1));
        }
        next++;
        return token;
    }
}
