package io.palimpsest.command.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.palimpsest.platform.web.ApiError;
import io.palimpsest.shared.files.FieldUpdate;
import io.palimpsest.shared.metadata.ConstraintsChange;
import io.palimpsest.shared.metadata.FieldConstraints;
import io.palimpsest.shared.metadata.FieldName;
import io.palimpsest.shared.metadata.FieldSchema;
import io.palimpsest.shared.metadata.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ImageKit's JSON of custom metadata fields ({@code @imagekit/nodejs} {@code CustomMetadataField},
 * {@code …CreateParams}, {@code …UpdateParams}) to and from the domain. Only the JSON's shape is
 * checked here (kinds of values, known properties); whether the definition makes sense is the
 * aggregate's rule. Both report the same way: 400 {@code "Invalid field object"} with an
 * {@code errors} object per property.
 */
final class FieldJson {

    static final String NAME_IMMUTABLE = "Name cannot be updated.";
    static final String NOTHING_TO_UPDATE = "Either label or schema should be provided.";
    private static final Set<String> SCHEMA_PROPERTIES = Set.of("type", "selectOptions", "defaultValue",
            "isValueRequired", "minValue", "maxValue", "minLength", "maxLength");
    private static final String TYPES = Arrays.stream(FieldType.values()).map(FieldType::wireName)
            .collect(Collectors.joining(", "));

    private FieldJson() {
    }

    /** A {@code POST} body. */
    record NewField(FieldName name, String label, FieldSchema schema, String description) {
    }

    /** A {@code PATCH} body; null parts are left as they are. */
    record FieldChange(String label, ConstraintsChange constraints, FieldUpdate<String> description) {
    }

    static NewField newField(JsonNode body) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireObject(body);
        FieldName name = name(body.get("name"), problems);
        String label = text(body, "label", problems);
        String description = text(body, "description", problems);
        FieldSchema schema = null;
        JsonNode schemaNode = body.get("schema");
        if (schemaNode == null || schemaNode.isNull()) {
            problems.put("schema", "is required");
        } else if (!schemaNode.isObject()) {
            problems.put("schema", "should be an object");
        } else {
            FieldType type = type(schemaNode.get("type"), problems);
            ConstraintsChange rules = constraints(schemaNode, problems);
            if (type != null) {
                schema = new FieldSchema(type, rules.applyTo(FieldConstraints.NONE));
            }
        }
        requireNone(problems);
        return new NewField(name, label, schema, description == null || description.isEmpty() ? null : description);
    }

    static FieldChange fieldChange(JsonNode body) {
        requireObject(body);
        if (body.has("name")) {
            throw ApiError.badRequest(NAME_IMMUTABLE);
        }
        if (!body.has("label") && !body.has("schema") && !body.has("description")) {
            throw ApiError.badRequest(NOTHING_TO_UPDATE);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        String label = null;
        if (body.has("label")) {
            label = text(body, "label", problems);
            if (label == null && !problems.containsKey("label")) {
                problems.put("label", "should be of type string");
            }
        }
        FieldUpdate<String> description = body.has("description")
                ? FieldUpdate.set(text(body, "description", problems))
                : null;
        ConstraintsChange constraints = null;
        if (body.has("schema")) {
            JsonNode schemaNode = body.get("schema");
            if (!schemaNode.isObject()) {
                problems.put("schema", "should be an object");
            } else {
                // ImageKit: the type cannot change and is ignored when sent
                constraints = constraints(schemaNode, problems);
            }
        }
        requireNone(problems);
        return new FieldChange(label, constraints, description);
    }

    /** ImageKit's field object: {@code id, name, label, schema, description?}; rules only when set. */
    static Map<String, Object> render(FieldDefinition field) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", field.fieldId().value());
        object.put("name", field.name().value());
        object.put("label", field.label());
        object.put("schema", renderSchema(field.schema()));
        if (field.description() != null) {
            object.put("description", field.description());
        }
        return object;
    }

    private static Map<String, Object> renderSchema(FieldSchema schema) {
        FieldConstraints rules = schema.constraints();
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", schema.type().wireName());
        if (rules.hasSelectOptions()) {
            object.put("selectOptions", rules.selectOptions());
        }
        putIfSet(object, "defaultValue", rules.defaultValue());
        if (rules.valueRequired()) {
            object.put("isValueRequired", true);
        }
        putIfSet(object, "minValue", rules.minValue());
        putIfSet(object, "maxValue", rules.maxValue());
        putIfSet(object, "minLength", rules.minLength());
        putIfSet(object, "maxLength", rules.maxLength());
        return object;
    }

    private static void putIfSet(Map<String, Object> object, String property, Object value) {
        if (value != null) {
            object.put(property, value);
        }
    }

    private static void requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("Your request body should be a JSON object.");
        }
    }

    private static void requireNone(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidFieldDefinition(problems);
        }
    }

    private static FieldName name(JsonNode node, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            problems.put("name", "is required");
        } else if (!node.isTextual()) {
            problems.put("name", "should be of type string");
        } else if (!FieldName.isValid(node.textValue())) {
            problems.put("name", "should start with a letter and hold only letters, digits, '_' and '-', at most "
                    + FieldName.MAX_LENGTH + " characters");
        } else {
            return new FieldName(node.textValue());
        }
        return null;
    }

    private static String text(JsonNode body, String property, Map<String, String> problems) {
        JsonNode node = body.get(property);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.put(property, "should be of type string");
            return null;
        }
        return node.textValue();
    }

    private static FieldType type(JsonNode node, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            problems.put("type", "is required");
            return null;
        }
        FieldType type = node.isTextual() ? FieldType.fromWireName(node.textValue()).orElse(null) : null;
        if (type == null) {
            problems.put("type", "should be one of " + TYPES);
        }
        return type;
    }

    /** The rules present in a schema object; a property sent as null is a removal. */
    private static ConstraintsChange constraints(JsonNode schema, Map<String, String> problems) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SCHEMA_PROPERTIES.contains(name)) {
                problems.put(name, "is not a schema property");
            }
        }
        return new ConstraintsChange(
                schema.has("selectOptions") ? FieldUpdate.set(options(schema.get("selectOptions"), problems)) : null,
                schema.has("defaultValue") ? FieldUpdate.set(defaultValue(schema.get("defaultValue"), problems)) : null,
                schema.has("isValueRequired") ? FieldUpdate.set(bool(schema.get("isValueRequired"), problems)) : null,
                schema.has("minValue") ? FieldUpdate.set(bound(schema.get("minValue"), "minValue", problems)) : null,
                schema.has("maxValue") ? FieldUpdate.set(bound(schema.get("maxValue"), "maxValue", problems)) : null,
                schema.has("minLength") ? FieldUpdate.set(length(schema.get("minLength"), "minLength", problems)) : null,
                schema.has("maxLength") ? FieldUpdate.set(length(schema.get("maxLength"), "maxLength", problems)) : null);
    }

    private static List<Object> options(JsonNode node, Map<String, String> problems) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.put("selectOptions", "should be an array");
            return List.of();
        }
        List<Object> options = new ArrayList<>();
        for (JsonNode option : node) {
            if (!option.isValueNode() || option.isNull()) {
                problems.put("selectOptions", "should contain only strings, numbers and booleans");
                return List.of();
            }
            options.add(scalar(option));
        }
        return options;
    }

    private static Object defaultValue(JsonNode node, Map<String, String> problems) {
        if (node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<Object> values = new ArrayList<>();
            for (JsonNode value : node) {
                if (!value.isValueNode() || value.isNull()) {
                    problems.put("defaultValue", "should be a string, number, boolean or an array of them");
                    return null;
                }
                values.add(scalar(value));
            }
            return values;
        }
        if (!node.isValueNode()) {
            problems.put("defaultValue", "should be a string, number, boolean or an array of them");
            return null;
        }
        return scalar(node);
    }

    private static Boolean bool(JsonNode node, Map<String, String> problems) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            problems.put("isValueRequired", "should be of type boolean");
            return null;
        }
        return node.booleanValue();
    }

    private static Object bound(JsonNode node, String property, Map<String, String> problems) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber() && !node.isTextual()) {
            problems.put(property, "should be a number, or a date string in ISO 8601 format");
            return null;
        }
        return scalar(node);
    }

    private static Integer length(JsonNode node, String property, Map<String, String> problems) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.put(property, "should be a whole number");
            return null;
        }
        return node.intValue();
    }

    private static Object scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.numberValue();
    }
}
