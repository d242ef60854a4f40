package io.palimpsest.query.search.language;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A parsed and validated searchQuery (spec §5): conditions on one field each, combined with AND and
 * OR. Values are typed for their field (relative times resolved, sizes in bytes, folder paths
 * normalised), so the tree means the same to whatever reads it.
 */
public sealed interface SearchExpression {

    /** Whether any condition in the expression passes the test. */
    boolean anyCondition(Predicate<? super Condition> test);

    /** Whether the query says anything about {@code type}; when it does not, search keeps to files (spec §5.3). */
    default boolean constrainsType() {
        return anyCondition(condition -> condition.field() == Field.Standard.TYPE);
    }

    /** Whether the query has a {@code HAS} condition, the only kind that scores relevance. */
    default boolean containsHas() {
        return anyCondition(condition -> condition.operator() == Operator.HAS);
    }

    /** Every operand must match. */
    record And(List<SearchExpression> operands) implements SearchExpression {

        public And {
            operands = atLeastTwo(operands, "AND");
        }

        public static And of(SearchExpression... operands) {
            return new And(List.of(operands));
        }

        @Override
        public boolean anyCondition(Predicate<? super Condition> test) {
            return operands.stream().anyMatch(operand -> operand.anyCondition(test));
        }
    }

    /** At least one operand must match. */
    record Or(List<SearchExpression> operands) implements SearchExpression {

        public Or {
            operands = atLeastTwo(operands, "OR");
        }

        public static Or of(SearchExpression... operands) {
            return new Or(List.of(operands));
        }

        @Override
        public boolean anyCondition(Predicate<? super Condition> test) {
            return operands.stream().anyMatch(operand -> operand.anyCondition(test));
        }
    }

    /** A test of one field. */
    sealed interface Condition extends SearchExpression {

        Field field();

        Operator operator();

        @Override
        default boolean anyCondition(Predicate<? super Condition> test) {
            return test.test(this);
        }
    }

    /** {@code field = value}, {@code NOT =}, {@code :}, {@code <}, {@code <=}, {@code >} or {@code >=}. */
    record Comparison(Field field, Operator operator, Value value) implements Condition {

        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (!operator.comparesOneValue()) {
                throw new IllegalArgumentException(operator.symbol() + " does not compare with one value");
            }
        }
    }

    /** {@code field IN [values]}, or {@code NOT IN} when negated. */
    record InList(Field field, boolean negated, List<Value> values) implements Condition {

        public InList {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
        }

        @Override
        public Operator operator() {
            return negated ? Operator.NOT_IN : Operator.IN;
        }
    }

    /** {@code field HAS "words"}: case-insensitive full text, the last word matching as a prefix. */
    record Has(Field field, String text) implements Condition {

        public Has {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Operator operator() {
            return Operator.HAS;
        }
    }

    /** {@code field EXISTS}, or {@code NOT EXISTS} when negated. */
    record Exists(Field field, boolean negated) implements Condition {

        public Exists {
            Objects.requireNonNull(field, "field");
        }

        @Override
        public Operator operator() {
            return negated ? Operator.NOT_EXISTS : Operator.EXISTS;
        }
    }

    private static List<SearchExpression> atLeastTwo(List<SearchExpression> operands, String operator) {
        List<SearchExpression> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(operator + " needs at least two operands");
        }
        return copy;
    }
}
