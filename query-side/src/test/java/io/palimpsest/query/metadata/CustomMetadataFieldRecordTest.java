package io.palimpsest.query.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.palimpsest.shared.metadata.CustomMetadataFieldId;
import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldCreated;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldDeleted;
import io.palimpsest.shared.metadata.events.CustomMetadataFieldUpdated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomMetadataFieldRecordTest {

    static final CustomMetadataFieldId ID = new CustomMetadataFieldId("65f0c0ffee00000000000001");
    static final FieldName SIZE = new FieldName("size");
    static final Instant T1 = Instant.parse("2026-01-05T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-06T10:00:00Z");
    static final FieldSchema SIZES = new FieldSchema(FieldType.SINGLE_SELECT,
            new FieldConstraints(List.of("S", "M", 40), "M", true, null, null, null, null));

    final CustomMetadataFieldRecord created = CustomMetadataFieldRecord.empty(ID.value())
            .apply(new CustomMetadataFieldCreated(ID, SIZE, "Size", SIZES, "T-shirt size", T1), 0);

    @Test
    void showsACreatedFieldInImageKitsShape() {
        assertThat(created.toFieldObject()).containsExactly(
                Map.entry("id", ID.value()),
                Map.entry("name", "size"),
                Map.entry("label", "Size"),
                Map.entry("schema", Map.of("type", "SingleSelect", "selectOptions", List.of("S", "M", 40),
                        "defaultValue", "M", "isValueRequired", true)),
                Map.entry("description", "T-shirt size"));
    }

    @Test
    void leavesOutRulesThatAreNotSet() {
        CustomMetadataFieldRecord price = CustomMetadataFieldRecord.empty(ID.value()).apply(
                new CustomMetadataFieldCreated(ID, new FieldName("price"), "Price", new FieldSchema(FieldType.NUMBER,
                        new FieldConstraints(List.of(), null, false, 1000, null, null, null)), null, T1), 0);

        assertThat(price.toFieldObject()).doesNotContainKey("description");
        assertThat(price.schema()).containsExactly(Map.entry("type", "Number"), Map.entry("minValue", 1000));
    }

    @Test
    void takesTheDefinitionOfAnUpdate() {
        CustomMetadataFieldRecord updated = created.apply(
                new CustomMetadataFieldUpdated(ID, SIZE, "Shirt size", FieldSchema.of(FieldType.SINGLE_SELECT), null, T2), 1);

        assertThat(updated.label()).isEqualTo("Shirt size");
        assertThat(updated.description()).isNull();
        assertThat(updated.createdAt()).isEqualTo(T1);
        assertThat(updated.updatedAt()).isEqualTo(T2);
    }

    @Test
    void keepsADeletedFieldMarked() {
        CustomMetadataFieldRecord deleted = created.apply(new CustomMetadataFieldDeleted(ID, SIZE, T2), 1);

        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.label()).isEqualTo("Size");
    }

    @Test
    void ignoresAnEventItHasAlreadyFoldedIn() {
        CustomMetadataFieldRecord deleted = created.apply(new CustomMetadataFieldDeleted(ID, SIZE, T2), 1);

        assertThat(deleted.apply(new CustomMetadataFieldCreated(ID, SIZE, "Size", SIZES, null, T1), 0))
                .isSameAs(deleted);
        assertThat(deleted.apply(new CustomMetadataFieldDeleted(ID, SIZE, T2), 1)).isSameAs(deleted);
    }
}
