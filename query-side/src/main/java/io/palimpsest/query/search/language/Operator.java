package io.palimpsest.query.search.language;

/** The operators of the searchQuery language (spec §5.1), written as {@link #symbol()} in a query. */
public enum Operator {
    EQUALS("="),
    NOT_EQUALS("NOT ="),
    BEGINS_WITH(":"),
    LESS_THAN("<"),
    LESS_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_OR_EQUAL(">="),
    IN("IN"),
    NOT_IN("NOT IN"),
    HAS("HAS"),
    EXISTS("EXISTS"),
    NOT_EXISTS("NOT EXISTS");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in a query, keywords in upper case. */
    public String symbol() {
        return symbol;
    }

    /** {@code <}, {@code <=}, {@code >} or {@code >=}. */
    public boolean isOrdering() {
        return this == LESS_THAN || this == LESS_OR_EQUAL || this == GREATER_THAN || this == GREATER_OR_EQUAL;
    }

    /** Whether the operator compares the field with a single value: the orderings, {@code =}, {@code NOT =} and {@code :}. */
    public boolean comparesOneValue() {
        return this == EQUALS || this == NOT_EQUALS || this == BEGINS_WITH || isOrdering();
    }
}
