package io.palimpsest.command.files.upload.checks;

/** How a condition compares a field with its value(s); the operators of the searchQuery language (spec §5.1). */
enum CheckOperator {
    EQUALS("="),
    NOT_EQUALS("NOT ="),
    BEGINS_WITH(":"),
    LESS_THAN("<"),
    LESS_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_OR_EQUAL(">="),
    IN("IN"),
    NOT_IN("NOT IN");

    private final String symbol;

    CheckOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    boolean isOrdering() {
        return this == LESS_THAN || this == LESS_OR_EQUAL || this == GREATER_THAN || this == GREATER_OR_EQUAL;
    }

    boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    boolean isNegated() {
        return this == NOT_EQUALS || this == NOT_IN;
    }
}
