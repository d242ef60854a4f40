package io.palimpsest.command.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The definition sent is not sound; {@link #problems()} says why, per property. */
public final class InvalidFieldDefinition extends FieldRuleViolation {

    private final Map<String, String> problems;

    public InvalidFieldDefinition(Map<String, String> problems) {
        super("invalid custom metadata field definition: " + problems);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
