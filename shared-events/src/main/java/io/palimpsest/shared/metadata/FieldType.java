package io.palimpsest.shared.metadata;

import java.util.Arrays;
import java.util.Optional;

/** What values a custom metadata field accepts; {@link #wireName()} is ImageKit's spelling. */
public enum FieldType {
    /** A short string. */
    TEXT("Text"),
    /** A longer string, such as a description. */
    TEXTAREA("Textarea"),
    /** A number, negative and decimal ones included. */
    NUMBER("Number"),
    /** An ISO 8601 date or date-time, given as a string. */
    DATE("Date"),
    /** {@code true} or {@code false}. */
    BOOLEAN("Boolean"),
    /** One of the field's select options. */
    SINGLE_SELECT("SingleSelect"),
    /** An array of the field's select options. */
    MULTI_SELECT("MultiSelect");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FieldType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    public boolean isText() {
        return this == TEXT || this == TEXTAREA;
    }

    /** Number and Date fields may have a minimum and a maximum value. */
    public boolean isRanged() {
        return this == NUMBER || this == DATE;
    }

    public boolean isSelect() {
        return this == SINGLE_SELECT || this == MULTI_SELECT;
    }
}
