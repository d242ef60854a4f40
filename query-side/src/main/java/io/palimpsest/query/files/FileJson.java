package io.palimpsest.query.files;

import com.fasterxml.jackson.core.JsonGenerator;
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
        boolean current = file.isCurrent(version);
        VersionDetails details = version.details();
        out.writeStartObject();
        out.writeStringField("type", current ? "file" : "file-version");
        out.writeStringField("name", file.name());
        out.writeStringField("createdAt", Timestamps.format(current ? file.createdAt() : version.createdAt()));
        out.writeStringField("updatedAt", Timestamps.format(current ? file.updatedAt() : version.updatedAt()));
        out.writeStringField("fileId", file.fileId());
        out.writeFieldName("tags");
        if (details.tags().isEmpty()) {
            out.writeNull();
        } else {
            out.writeStartArray();
            for (String tag : details.tags()) {
                out.writeString(tag);
            }
            out.writeEndArray();
        }
        out.writeFieldName("AITags");
        if (details.aiTags().isEmpty()) {
            out.writeNull();
        } else {
            out.writeStartArray();
            for (AITag tag : details.aiTags()) {
                out.writeStartObject();
                out.writeStringField("name", tag.name());
                out.writeNumberField("confidence", tag.confidence());
                out.writeStringField("source", tag.source());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeObjectFieldStart("versionInfo");
        out.writeStringField("id", version.versionId());
        out.writeStringField("name", version.name());
        out.writeEndObject();
        out.writeObjectFieldStart("embeddedMetadata");
        out.writeEndObject();
        out.writeStringField("customCoordinates", details.customCoordinates());
        out.writeFieldName("customMetadata");
        if (details.customMetadata().isEmpty()) {
            out.writeStartObject();
            out.writeEndObject();
        } else {
            json.writeValue(out, details.customMetadata());
        }
        if (details.description() != null) {
            out.writeStringField("description", details.description());
        }
        out.writeBooleanField("isPrivateFile", details.privateFile());
        out.writeBooleanField("isPublished", details.published());
    }

    static void writeTail(JsonGenerator out, FileRecord file, VersionRecord version) throws IOException {
        out.writeStringField("fileType", FileObjects.isImage(version.mime()) ? "image" : "non-image");
        out.writeStringField("filePath", file.filePath());
        if (version.height() != null) {
            out.writeNumberField("height", version.height().intValue());
        }
        if (version.width() != null) {
            out.writeNumberField("width", version.width().intValue());
        }
        out.writeNumberField("size", version.size());
        if (version.hasAlpha() != null) {
            out.writeBooleanField("hasAlpha", version.hasAlpha());
        }
        out.writeStringField("mime", version.mime());
        out.writeEndObject();
    }

}
