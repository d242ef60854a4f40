package io.palimpsest.query.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.VersionDetails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The parts of a File object (spec §2.1) that depend on the records alone, written with the
 * application's {@link ObjectMapper} so that they are the bytes Jackson writes for
 * {@link FileObjects#render}: everything before {@code url} ({@link #head}) and everything after
 * {@code thumbnail} ({@link #tail}). {@link FileObjects} writes the URLs in between.
 */
public final class FileJson {

    private static final int INITIAL_BUFFER = 1024;
    private static final String OPENER = "{\"-\":false";

    private final ObjectMapper json;

    public FileJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The File object from its opening brace up to the value of {@code isPublished}: what comes
     * before the URLs, as the search index stores it.
     */
    public byte[] head(FileRecord file, VersionRecord version) {
        return fragment(generator -> writeHead(generator, file, version));
    }

    /** The File object after {@code thumbnail}, from {@code ,"fileType":...} to its closing brace. */
    public byte[] tail(FileRecord file, VersionRecord version) {
        return fragment(generator -> {
            // the generator needs an object to write fields into: open one, and cut it off below
            generator.writeStartObject();
            generator.writeBooleanField("-", false);
            generator.flush();
            writeTail(generator, file, version);
        }, OPENER.length());
    }

    private interface Writing {
        void to(JsonGenerator generator) throws IOException;
    }

    private byte[] fragment(Writing writing) {
        return fragment(writing, 0);
    }

    private byte[] fragment(Writing writing, int skip) {
        ByteArrayBuilder out = new ByteArrayBuilder(INITIAL_BUFFER);
        try {
            JsonGenerator generator = json.createGenerator(out);
            writing.to(generator);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a file", e);
        }
        byte[] all = out.toByteArray();
        return Arrays.copyOfRange(all, skip, all.length);
    }

    void writeHead(JsonGenerator out, FileRecord file, VersionRecord version) throws IOException {
        writeHead(out, file, version, FileStrings.of(file));
    }

    /** The strings every version of a file repeats, quoted once for all of them. */
    record FileStrings(SerializedString name, SerializedString fileId, SerializedString filePath) {

        static FileStrings of(FileRecord file) {
            return new FileStrings(new SerializedString(file.name()), new SerializedString(file.fileId()),
                    new SerializedString(file.filePath()));
        }
    }

    // field names, quoted once
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString CREATED_AT = new SerializedString("createdAt");
    private static final SerializedString UPDATED_AT = new SerializedString("updatedAt");
    private static final SerializedString FILE_ID = new SerializedString("fileId");
    private static final SerializedString TAGS = new SerializedString("tags");
    private static final SerializedString AI_TAGS = new SerializedString("AITags");
    private static final SerializedString CONFIDENCE = new SerializedString("confidence");
    private static final SerializedString SOURCE = new SerializedString("source");
    private static final SerializedString VERSION_INFO = new SerializedString("versionInfo");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString EMBEDDED_METADATA = new SerializedString("embeddedMetadata");
    private static final SerializedString CUSTOM_COORDINATES = new SerializedString("customCoordinates");
    private static final SerializedString CUSTOM_METADATA = new SerializedString("customMetadata");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString IS_PRIVATE_FILE = new SerializedString("isPrivateFile");
    private static final SerializedString IS_PUBLISHED = new SerializedString("isPublished");
    private static final SerializedString FILE_TYPE = new SerializedString("fileType");
    private static final SerializedString FILE_PATH = new SerializedString("filePath");
    private static final SerializedString HEIGHT = new SerializedString("height");
    private static final SerializedString WIDTH = new SerializedString("width");
    private static final SerializedString SIZE = new SerializedString("size");
    private static final SerializedString HAS_ALPHA = new SerializedString("hasAlpha");
    private static final SerializedString MIME = new SerializedString("mime");
    // values every File object takes one of
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString FILE_VERSION = new SerializedString("file-version");
    private static final SerializedString IMAGE = new SerializedString("image");
    private static final SerializedString NON_IMAGE = new SerializedString("non-image");

    void writeHead(JsonGenerator out, FileRecord file, VersionRecord version, FileStrings strings) throws IOException {
        boolean current = file.isCurrent(version);
        VersionDetails details = version.details();
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(current ? FILE : FILE_VERSION);
        out.writeFieldName(NAME);
        out.writeString(strings.name());
        out.writeFieldName(CREATED_AT);
        out.writeString(Timestamps.format(current ? file.createdAt() : version.createdAt()));
        out.writeFieldName(UPDATED_AT);
        out.writeString(Timestamps.format(current ? file.updatedAt() : version.updatedAt()));
        out.writeFieldName(FILE_ID);
        out.writeString(strings.fileId());
        out.writeFieldName(TAGS);
        if (details.tags().isEmpty()) {
            out.writeNull();
        } else {
            out.writeStartArray();
            for (String tag : details.tags()) {
                out.writeString(tag);
            }
            out.writeEndArray();
        }
        out.writeFieldName(AI_TAGS);
        if (details.aiTags().isEmpty()) {
            out.writeNull();
        } else {
            out.writeStartArray();
            for (AITag tag : details.aiTags()) {
                out.writeStartObject();
                out.writeFieldName(NAME);
                out.writeString(tag.name());
                out.writeFieldName(CONFIDENCE);
                out.writeNumber(tag.confidence());
                out.writeFieldName(SOURCE);
                out.writeString(tag.source());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeFieldName(VERSION_INFO);
        out.writeStartObject();
        out.writeFieldName(ID);
        out.writeString(version.versionId());
        out.writeFieldName(NAME);
        out.writeString(version.name());
        out.writeEndObject();
        out.writeFieldName(EMBEDDED_METADATA);
        out.writeStartObject();
        out.writeEndObject();
        out.writeFieldName(CUSTOM_COORDINATES);
        if (details.customCoordinates() == null) {
            out.writeNull();
        } else {
            out.writeString(details.customCoordinates());
        }
        out.writeFieldName(CUSTOM_METADATA);
        if (details.customMetadata().isEmpty()) {
            out.writeStartObject();
            out.writeEndObject();
        } else {
            json.writeValue(out, details.customMetadata());
        }
        if (details.description() != null) {
            out.writeFieldName(DESCRIPTION);
            out.writeString(details.description());
        }
        out.writeFieldName(IS_PRIVATE_FILE);
        out.writeBoolean(details.privateFile());
        out.writeFieldName(IS_PUBLISHED);
        out.writeBoolean(details.published());
    }

    static void writeTail(JsonGenerator out, FileRecord file, VersionRecord version) throws IOException {
        writeTail(out, file, version, FileStrings.of(file));
    }

    static void writeTail(JsonGenerator out, FileRecord file, VersionRecord version, FileStrings strings)
            throws IOException {
        out.writeFieldName(FILE_TYPE);
        out.writeString(FileObjects.isImage(version.mime()) ? IMAGE : NON_IMAGE);
        out.writeFieldName(FILE_PATH);
        out.writeString(strings.filePath());
        if (version.height() != null) {
            out.writeFieldName(HEIGHT);
            out.writeNumber(version.height().intValue());
        }
        if (version.width() != null) {
            out.writeFieldName(WIDTH);
            out.writeNumber(version.width().intValue());
        }
        out.writeFieldName(SIZE);
        out.writeNumber(version.size());
        if (version.hasAlpha() != null) {
            out.writeFieldName(HAS_ALPHA);
            out.writeBoolean(version.hasAlpha());
        }
        out.writeFieldName(MIME);
        out.writeString(version.mime());
        out.writeEndObject();
    }

}
