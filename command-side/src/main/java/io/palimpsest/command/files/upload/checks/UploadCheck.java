package io.palimpsest.command.files.upload.checks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code checks} expression (spec §3.1): conditions on the upload joined by AND and OR. An
 * upload whose checks do not hold is refused before anything is stored.
 */
public sealed interface UploadCheck {

    /** No checks: every upload passes. */
    UploadCheck NONE = new AllOf(List.of());

    boolean passes(UploadFacts facts);

    /** Holds when every part holds (and when there are none). */
    record AllOf(List<UploadCheck> parts) implements UploadCheck {

        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean passes(UploadFacts facts) {
            return parts.stream().allMatch(part -> part.passes(facts));
        }
    }

    /** Holds when at least one part holds. */
    record AnyOf(List<UploadCheck> parts) implements UploadCheck {

        public AnyOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean passes(UploadFacts facts) {
            return parts.stream().anyMatch(part -> part.passes(facts));
        }
    }

    /**
     * One field compared with one value, or with a list for {@code IN} / {@code NOT IN}. Values are
     * already normalised for the field: BigDecimal for numbers and sizes, lower-case text for MIME
     * types, folder text with its slashes. A field the upload has no value for (the width of a PDF)
     * satisfies only the negated operators.
     */
    record Condition(CheckField field, CheckOperator operator, List<Object> values) implements UploadCheck {

        public Condition {
            values = List.copyOf(values);
        }

        @Override
        public boolean passes(UploadFacts facts) {
            Object actual = field.valueOf(facts);
            if (actual == null) {
                return operator.isNegated();
            }
            Object value = field.kind() == CheckField.Kind.TEXT ? ((String) actual).toLowerCase(Locale.ROOT) : actual;
            boolean matches = switch (operator) {
                case EQUALS, NOT_EQUALS, IN, NOT_IN -> values.stream().anyMatch(candidate -> same(value, candidate));
                case BEGINS_WITH -> ((String) value).startsWith((String) values.get(0));
                case LESS_THAN -> compare(value) < 0;
                case LESS_OR_EQUAL -> compare(value) <= 0;
                case GREATER_THAN -> compare(value) > 0;
                case GREATER_OR_EQUAL -> compare(value) >= 0;
            };
            return matches != operator.isNegated();
        }

        private static boolean same(Object actual, Object candidate) {
            return actual instanceof BigDecimal number
                    ? number.compareTo((BigDecimal) candidate) == 0
                    : actual.equals(candidate);
        }

        private int compare(Object actual) {
            return ((BigDecimal) actual).compareTo((BigDecimal) values.get(0));
        }
    }
}
