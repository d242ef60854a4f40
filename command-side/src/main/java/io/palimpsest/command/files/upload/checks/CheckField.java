package io.palimpsest.command.files.upload.checks;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The facts a {@code checks} expression can name. ImageKit documents {@code request.folder},
 * {@code file.size} and {@code file.mime}; the image dimensions are ours (spec §3.1 leaves the list open).
 */
enum CheckField {
    REQUEST_FOLDER("request.folder", Kind.FOLDER, facts -> facts.folder().value()),
    FILE_MIME("file.mime", Kind.TEXT, UploadFacts::mime),
    FILE_SIZE("file.size", Kind.SIZE, facts -> BigDecimal.valueOf(facts.size())),
    FILE_WIDTH("file.width", Kind.NUMBER, facts -> facts.width() == null ? null : BigDecimal.valueOf(facts.width())),
    FILE_HEIGHT("file.height", Kind.NUMBER,
            facts -> facts.height() == null ? null : BigDecimal.valueOf(facts.height()));

    /** How a field's values are written and compared. */
    enum Kind {
        /** A folder path: {@code =} and {@code IN} name whole folders, {@code :} a folder and its subfolders. */
        FOLDER,
        /** Text compared without regard to case (MIME types). */
        TEXT,
        /** Bytes, or a size such as {@code "10kb"} or {@code "1.5mb"}. */
        SIZE,
        NUMBER;

        boolean isNumeric() {
            return this == SIZE || this == NUMBER;
        }
    }

    private final String fieldName;
    private final Kind kind;
    private final Function<UploadFacts, Object> read;

    CheckField(String fieldName, Kind kind, Function<UploadFacts, Object> read) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.read = read;
    }

    static Optional<CheckField> named(String name) {
        return Arrays.stream(values()).filter(field -> field.fieldName.equals(name)).findFirst();
    }

    String fieldName() {
        return fieldName;
    }

    Kind kind() {
        return kind;
    }

    /** The upload's value of this field: a String or a BigDecimal, null when the upload has none. */
    Object valueOf(UploadFacts facts) {
        return read.apply(facts);
    }

    boolean allows(CheckOperator operator) {
        return kind.isNumeric() ? operator != CheckOperator.BEGINS_WITH : !operator.isOrdering();
    }
}
