package io.palimpsest.query.search.language;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static io.palimpsest.query.search.language.Operator.BEGINS_WITH;
import static io.palimpsest.query.search.language.Operator.EQUALS;
import static io.palimpsest.query.search.language.Operator.EXISTS;
import static io.palimpsest.query.search.language.Operator.GREATER_OR_EQUAL;
import static io.palimpsest.query.search.language.Operator.GREATER_THAN;
import static io.palimpsest.query.search.language.Operator.HAS;
import static io.palimpsest.query.search.language.Operator.IN;
import static io.palimpsest.query.search.language.Operator.LESS_OR_EQUAL;
import static io.palimpsest.query.search.language.Operator.LESS_THAN;
import static io.palimpsest.query.search.language.Operator.NOT_EQUALS;
import static io.palimpsest.query.search.language.Operator.NOT_EXISTS;
import static io.palimpsest.query.search.language.Operator.NOT_IN;

/** A field a searchQuery condition is about (spec §5.2). */
public sealed interface Field {

    String CUSTOM_METADATA_PREFIX = "customMetadata.";
    String EMBEDDED_METADATA_PREFIX = "embeddedMetadata.";

    /** The field as written in a query: {@code size}, {@code customMetadata.brand}. */
    String queryName();

    boolean allows(Operator operator);

    /** The field a query names, if there is one; names are case-sensitive, as in ImageKit's documentation. */
    static Optional<Field> named(String name) {
        if (name.startsWith(CUSTOM_METADATA_PREFIX) && name.length() > CUSTOM_METADATA_PREFIX.length()) {
            return Optional.of(new CustomMetadata(name.substring(CUSTOM_METADATA_PREFIX.length())));
        }
        if (name.startsWith(EMBEDDED_METADATA_PREFIX) && name.length() > EMBEDDED_METADATA_PREFIX.length()) {
            return Optional.of(new EmbeddedMetadata(name.substring(EMBEDDED_METADATA_PREFIX.length())));
        }
        return Arrays.stream(Standard.values()).filter(field -> field.queryName.equals(name)).map(Field.class::cast).findFirst();
    }

    /** The fields every file has, with the operators spec §5.2 allows on each. */
    enum Standard implements Field {
        NAME("name", ValueKind.TEXT, EQUALS, BEGINS_WITH, IN, NOT_EQUALS, NOT_IN, HAS),
        TAGS("tags", ValueKind.TEXT, IN, NOT_IN, HAS, EXISTS, NOT_EXISTS),
        TYPE("type", ValueKind.TYPE, EQUALS, IN, NOT_EQUALS, NOT_IN),
        ID("id", ValueKind.TEXT, EQUALS, IN, NOT_EQUALS, NOT_IN),
        PATH("path", ValueKind.FOLDER, EQUALS, BEGINS_WITH, IN, NOT_EQUALS, NOT_IN),
        CREATED_AT("createdAt", ValueKind.DATE, ordered()),
        UPDATED_AT("updatedAt", ValueKind.DATE, ordered()),
        WIDTH("width", ValueKind.COUNT, ordered()),
        HEIGHT("height", ValueKind.COUNT, ordered()),
        SIZE("size", ValueKind.SIZE, ordered()),
        FORMAT("format", ValueKind.FORMAT, EQUALS, IN),
        PRIVATE("private", ValueKind.FLAG, EQUALS),
        PUBLISHED("published", ValueKind.FLAG, EQUALS),
        TRANSPARENCY("transparency", ValueKind.FLAG, EQUALS),
        CREATED_BY("createdBy", ValueKind.TEXT, EQUALS, IN, NOT_EQUALS, NOT_IN);

        private final String queryName;
        private final ValueKind valueKind;
        private final Set<Operator> operators;

        Standard(String queryName, ValueKind valueKind, Operator... operators) {
            this.queryName = queryName;
            this.valueKind = valueKind;
            this.operators = EnumSet.copyOf(Arrays.asList(operators));
        }

        @Override
        public String queryName() {
            return queryName;
        }

        @Override
        public boolean allows(Operator operator) {
            return operators.contains(operator);
        }

        ValueKind valueKind() {
            return valueKind;
        }

        /** The operators of dates and numbers; a method, as enum constants are built before static fields. */
        private static Operator[] ordered() {
            return new Operator[] {EQUALS, LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL, IN, NOT_EQUALS, NOT_IN};
        }
    }

    /**
     * A custom metadata field. Its type (text, number, date, boolean, select) is not known while
     * parsing, so every operator is allowed and the value's own type decides how it compares.
     */
    record CustomMetadata(String key) implements Field {

        public CustomMetadata {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("A custom metadata field needs a key");
            }
        }

        @Override
        public String queryName() {
            return CUSTOM_METADATA_PREFIX + key;
        }

        @Override
        public boolean allows(Operator operator) {
            return true;
        }
    }

    /**
     * An embedded (EXIF, IPTC, XMP) metadata field. Nothing is extracted from uploads, so these
     * parse like custom metadata and match nothing, or everything when negated.
     */
    record EmbeddedMetadata(String key) implements Field {

        public EmbeddedMetadata {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("An embedded metadata field needs a key");
            }
        }

        @Override
        public String queryName() {
            return EMBEDDED_METADATA_PREFIX + key;
        }

        @Override
        public boolean allows(Operator operator) {
            return true;
        }
    }
}
