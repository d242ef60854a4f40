package io.palimpsest.query.search;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.palimpsest.query.files.FileObjects;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;

/**
 * One search hit as its JSON: collects the pre-rendered parts a document stores
 * ({@link IndexDocuments#of(io.palimpsest.query.files.FileRecord, io.palimpsest.query.files.VersionRecord)})
 * and stops before the version record that follows them.
 */
final class RenderedHit extends StoredFieldVisitor {

    private byte[] source;
    private byte[] sourceTail;
    private String urlPath;
    private String urlVersion;
    private long urlUpdatedAt;
    private int urlFlags;

    @Override
    public Status needsField(FieldInfo field) {
        return switch (field.name) {
            case IndexDocuments.SOURCE, IndexDocuments.SOURCE_TAIL, IndexDocuments.URL_PATH,
                 IndexDocuments.URL_VERSION, IndexDocuments.URL_UPDATED_AT, IndexDocuments.URL_FLAGS -> Status.YES;
            case IndexDocuments.VERSION -> Status.STOP;
            default -> Status.NO;
        };
    }

    @Override
    public void binaryField(FieldInfo field, byte[] value) {
        switch (field.name) {
            case IndexDocuments.SOURCE -> source = value;
            case IndexDocuments.SOURCE_TAIL -> sourceTail = value;
            default -> {
            }
        }
    }

    @Override
    public void stringField(FieldInfo field, String value) {
        switch (field.name) {
            case IndexDocuments.URL_PATH -> urlPath = value;
            case IndexDocuments.URL_VERSION -> urlVersion = value;
            default -> {
            }
        }
    }

    @Override
    public void longField(FieldInfo field, long value) {
        if (field.name.equals(IndexDocuments.URL_UPDATED_AT)) {
            urlUpdatedAt = value;
        }
    }

    @Override
    public void intField(FieldInfo field, int value) {
        if (field.name.equals(IndexDocuments.URL_FLAGS)) {
            urlFlags = value;
        }
    }

    /** Writes the hit's File object (with this deployment's URLs) or Folder object. */
    void writeTo(ByteArrayBuilder out, FileObjects objects) {
        if (source == null) {
            throw new IllegalStateException("a search hit without its stored object: the index needs a rebuild");
        }
        out.write(source);
        if (sourceTail != null) {
            objects.writeUrls(out, new FileObjects.UrlParts(urlPath, urlVersion,
                    (urlFlags & IndexDocuments.PUBLISHED_FLAG) != 0, urlUpdatedAt,
                    (urlFlags & IndexDocuments.IMAGE_FLAG) != 0));
            out.write(sourceTail);
        }
    }
}
