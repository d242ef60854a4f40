package io.palimpsest.query.files;

import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.VersionDetails;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * Writes a {@link FileRecord} as BSON and reads it back, with no detour through JSON or
 * {@link org.bson.Document}: the version list reads a whole history per request. The document has
 * the shape Jackson gave it before this codec existed ({@code _id} = fileId, instants as ISO-8601
 * strings), except that a version leaves out what it holds by default: no width, height or alpha
 * (not an image), no details when they are all defaults (no tags, no custom metadata, public,
 * published) and no updatedAt when it equals createdAt. Every upload rewrites its file's document
 * with every version inside, and what that costs grows with the number of values in it (on the
 * embedded wire server each value is copied, sized and compared several times per write), so the
 * usual version is written with six values instead of eighteen. Absent and default read the same,
 * numbers are read whatever their BSON width, and documents written in full (by Jackson or by
 * earlier versions of this codec) read as before.
 */
final class FileRecordCodec implements Codec<FileRecord> {

    /** What a version uploaded with no details has: no tags or metadata, not private, published. */
    static final VersionDetails DEFAULT_DETAILS = new VersionDetails(List.of(), List.of(), Map.of(), null, null,
            false, true);

    @Override
    public Class<FileRecord> getEncoderClass() {
        return FileRecord.class;
    }

    @Override
    public void encode(BsonWriter writer, FileRecord file, EncoderContext context) {
        writer.writeStartDocument();
        writer.writeString("_id", file.fileId());
        string(writer, "fileId", file.fileId());
        string(writer, "folder", file.folder());
        string(writer, "name", file.name());
        string(writer, "currentVersionId", file.currentVersionId());
        instant(writer, "createdAt", file.createdAt());
        instant(writer, "updatedAt", file.updatedAt());
        writer.writeInt64("sequence", file.sequence());
        writer.writeBoolean("deleted", file.deleted());
        writer.writeStartArray("versions");
        for (VersionRecord version : file.storedVersions()) {
            encode(writer, version);
        }
        writer.writeEndArray();
        writer.writeEndDocument();
    }

    private static void encode(BsonWriter writer, VersionRecord version) {
        writer.writeStartDocument();
        string(writer, "versionId", version.versionId());
        writer.writeInt32("number", version.number());
        string(writer, "contentHash", version.contentHash());
        writer.writeInt64("size", version.size());
        string(writer, "mime", version.mime());
        ifPresent(writer, "width", version.width());
        ifPresent(writer, "height", version.height());
        ifPresent(writer, "hasAlpha", version.hasAlpha());
        VersionDetails details = version.details();
        if (details == null) {
            writer.writeNull("details");
        } else if (!details.equals(DEFAULT_DETAILS)) {
            writer.writeStartDocument("details");
            encode(writer, details);
            writer.writeEndDocument();
        }
        instant(writer, "createdAt", version.createdAt());
        if (!Objects.equals(version.updatedAt(), version.createdAt())) {
            instant(writer, "updatedAt", version.updatedAt());
        }
        writer.writeEndDocument();
    }

    /** Only what differs from {@link #DEFAULT_DETAILS}. */
    private static void encode(BsonWriter writer, VersionDetails details) {
        if (!details.tags().isEmpty()) {
            writer.writeStartArray("tags");
            details.tags().forEach(writer::writeString);
            writer.writeEndArray();
        }
        if (!details.aiTags().isEmpty()) {
            writer.writeStartArray("aiTags");
            for (AITag tag : details.aiTags()) {
                writer.writeStartDocument();
                string(writer, "name", tag.name());
                writer.writeDouble("confidence", tag.confidence());
                string(writer, "source", tag.source());
                writer.writeEndDocument();
            }
            writer.writeEndArray();
        }
        if (!details.customMetadata().isEmpty()) {
            writer.writeName("customMetadata");
            value(writer, details.customMetadata());
        }
        ifPresent(writer, "customCoordinates", details.customCoordinates());
        ifPresent(writer, "description", details.description());
        if (details.privateFile() != DEFAULT_DETAILS.privateFile()) {
            writer.writeBoolean("privateFile", details.privateFile());
        }
        if (details.published() != DEFAULT_DETAILS.published()) {
            writer.writeBoolean("published", details.published());
        }
    }

    private static void ifPresent(BsonWriter writer, String name, Object value) {
        if (value != null) {
            writer.writeName(name);
            value(writer, value);
        }
    }

    private static void string(BsonWriter writer, String name, String value) {
        writer.writeName(name);
        value(writer, value);
    }

    private static void instant(BsonWriter writer, String name, Instant value) {
        writer.writeName(name);
        value(writer, value == null ? null : value.toString());
    }

    /** A JSON-like value: what custom metadata holds, and the nullable scalars of a version. */
    private static void value(BsonWriter writer, Object value) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Boolean bool) {
            writer.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            writer.writeInt32(((Number) value).intValue());
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof BigInteger number && number.bitLength() < Long.SIZE) {
            writer.writeInt64(number.longValue());
        } else if (value instanceof Number number) {
            writer.writeDouble(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            writer.writeStartDocument();
            map.forEach((key, inner) -> {
                writer.writeName(String.valueOf(key));
                value(writer, inner);
            });
            writer.writeEndDocument();
        } else if (value instanceof Collection<?> values) {
            writer.writeStartArray();
            values.forEach(inner -> value(writer, inner));
            writer.writeEndArray();
        } else {
            writer.writeString(value.toString());
        }
    }

    @Override
    public FileRecord decode(BsonReader reader, DecoderContext context) {
        String fileId = null;
        String folder = null;
        String name = null;
        String currentVersionId = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        long sequence = -1;
        boolean deleted = false;
        List<VersionRecord> versions = new ArrayList<>();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "fileId" -> fileId = string(reader);
                case "folder" -> folder = string(reader);
                case "name" -> name = string(reader);
                case "currentVersionId" -> currentVersionId = string(reader);
                case "createdAt" -> createdAt = instant(reader);
                case "updatedAt" -> updatedAt = instant(reader);
                case "sequence" -> sequence = number(reader).longValue();
                case "deleted" -> deleted = bool(reader);
                case "versions" -> {
                    reader.readStartArray();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        versions.add(version(reader));
                    }
                    reader.readEndArray();
                }
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return FileRecord.restored(fileId, folder, name, currentVersionId, createdAt, updatedAt, sequence, deleted,
                versions);
    }

    private static VersionRecord version(BsonReader reader) {
        String versionId = null;
        int number = 0;
        String contentHash = null;
        long size = 0;
        String mime = null;
        Integer width = null;
        Integer height = null;
        Boolean hasAlpha = null;
        VersionDetails details = DEFAULT_DETAILS;
        Instant createdAt = null;
        Instant updatedAt = null;
        boolean updatedAtStored = false;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "versionId" -> versionId = string(reader);
                case "number" -> number = number(reader).intValue();
                case "contentHash" -> contentHash = string(reader);
                case "size" -> size = number(reader).longValue();
                case "mime" -> mime = string(reader);
                case "width" -> width = nullableInt(reader);
                case "height" -> height = nullableInt(reader);
                case "hasAlpha" -> hasAlpha = isNull(reader) ? null : bool(reader);
                case "details" -> details = details(reader);
                case "createdAt" -> createdAt = instant(reader);
                case "updatedAt" -> {
                    updatedAt = instant(reader);
                    updatedAtStored = true;
                }
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new VersionRecord(versionId, number, contentHash, size, mime, width, height, hasAlpha, details,
                createdAt, updatedAtStored ? updatedAt : createdAt);
    }

    private static VersionDetails details(BsonReader reader) {
        if (isNull(reader)) {
            return null;
        }
        List<String> tags = List.of();
        List<AITag> aiTags = List.of();
        Map<String, Object> customMetadata = Map.of();
        String customCoordinates = null;
        String description = null;
        boolean privateFile = DEFAULT_DETAILS.privateFile();
        boolean published = DEFAULT_DETAILS.published();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "tags" -> tags = strings(reader);
                case "aiTags" -> aiTags = aiTags(reader);
                case "customMetadata" -> customMetadata = isNull(reader) ? null : document(reader);
                case "customCoordinates" -> customCoordinates = string(reader);
                case "description" -> description = string(reader);
                case "privateFile" -> privateFile = bool(reader);
                case "published" -> published = bool(reader);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new VersionDetails(tags, aiTags, customMetadata, customCoordinates, description, privateFile, published);
    }

    private static List<String> strings(BsonReader reader) {
        if (isNull(reader)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            values.add(string(reader));
        }
        reader.readEndArray();
        return values;
    }

    private static List<AITag> aiTags(BsonReader reader) {
        if (isNull(reader)) {
            return null;
        }
        List<AITag> tags = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = null;
            double confidence = 0;
            String source = null;
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (reader.readName()) {
                    case "name" -> name = string(reader);
                    case "confidence" -> confidence = number(reader).doubleValue();
                    case "source" -> source = string(reader);
                    default -> reader.skipValue();
                }
            }
            reader.readEndDocument();
            tags.add(new AITag(name, confidence, source));
        }
        reader.readEndArray();
        return tags;
    }

    /** A sub-document as Jackson reads untyped JSON: insertion-ordered maps, lists, int when it fits. */
    private static Map<String, Object> document(BsonReader reader) {
        Map<String, Object> values = new LinkedHashMap<>();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String key = reader.readName();
            values.put(key, untyped(reader));
        }
        reader.readEndDocument();
        return values;
    }

    private static Object untyped(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case NULL -> {
                reader.readNull();
                yield null;
            }
            case STRING -> reader.readString();
            case BOOLEAN -> reader.readBoolean();
            case INT32, INT64, DOUBLE, DECIMAL128 -> number(reader);
            case DOCUMENT -> document(reader);
            case ARRAY -> {
                List<Object> values = new ArrayList<>();
                reader.readStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    values.add(untyped(reader));
                }
                reader.readEndArray();
                yield values;
            }
            case DATE_TIME -> Instant.ofEpochMilli(reader.readDateTime()).toString();
            default -> throw new BsonInvalidOperationException("unexpected " + reader.getCurrentBsonType()
                    + " in a file document");
        };
    }

    private static boolean isNull(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.NULL) {
            reader.readNull();
            return true;
        }
        return false;
    }

    private static String string(BsonReader reader) {
        return isNull(reader) ? null : reader.readString();
    }

    private static boolean bool(BsonReader reader) {
        return reader.readBoolean();
    }

    private static Integer nullableInt(BsonReader reader) {
        return isNull(reader) ? null : number(reader).intValue();
    }

    private static Instant instant(BsonReader reader) {
        if (isNull(reader)) {
            return null;
        }
        return switch (reader.getCurrentBsonType()) {
            case DATE_TIME -> Instant.ofEpochMilli(reader.readDateTime());
            case STRING -> Timestamps.parse(reader.readString());
            // a mapper that writes instants as timestamps writes seconds, with nanoseconds as the fraction
            default -> {
                BigDecimal seconds = new BigDecimal(number(reader).toString());
                yield Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
        };
    }

    /** Integer when the value fits one (as Jackson reads untyped numbers), else Long or Double. */
    private static Number number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case INT32 -> reader.readInt32();
            case INT64 -> {
                long value = reader.readInt64();
                yield value == (int) value ? (Number) (int) value : (Number) value;
            }
            case DOUBLE -> reader.readDouble();
            case DECIMAL128 -> {
                BigDecimal value = reader.readDecimal128().bigDecimalValue();
                yield value.doubleValue();
            }
            default -> throw new BsonInvalidOperationException("expected a number, found " + reader.getCurrentBsonType());
        };
    }
}
