package io.palimpsest.query.search.language;

import io.palimpsest.query.search.IndexFields;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.time.Instant;

/** A hand-made search index document, with the fields and field types {@link IndexFields} prescribes. */
final class IndexedAsset {

    private final Document document = new Document();

    private IndexedAsset(String type, String id, String name, String folder) {
        keyword(IndexFields.TYPE, type);
        document.add(new StringField(IndexFields.ID, id, Store.YES));
        keyword(IndexFields.NAME, name);
        document.add(new TextField(IndexFields.NAME_TEXT, name, Store.NO));
        keyword(IndexFields.PATH, folder);
        keyword(IndexFields.PATH_ANCESTORS, "/");
        for (int slash = folder.indexOf('/', 1); slash > 0; slash = folder.indexOf('/', slash + 1)) {
            keyword(IndexFields.PATH_ANCESTORS, folder.substring(0, slash + 1));
        }
    }

    static IndexedAsset file(String id, String name, String folder) {
        return new IndexedAsset("file", id, name, folder);
    }

    static IndexedAsset oldVersion(String id, String name, String folder) {
        return new IndexedAsset("file-version", id, name, folder);
    }

    static IndexedAsset folder(String id, String name, String parent) {
        return new IndexedAsset("folder", id, name, parent);
    }

    IndexedAsset tags(String... tags) {
        for (String tag : tags) {
            keyword(IndexFields.TAGS, tag);
            document.add(new TextField(IndexFields.TAGS_TEXT, tag, Store.NO));
        }
        return this;
    }

    IndexedAsset created(Instant createdAt) {
        number(IndexFields.CREATED_AT, createdAt.toEpochMilli());
        number(IndexFields.UPDATED_AT, createdAt.toEpochMilli());
        return this;
    }

    IndexedAsset image(String format, long width, long height, long size, boolean transparent) {
        number(IndexFields.WIDTH, width);
        number(IndexFields.HEIGHT, height);
        keyword(IndexFields.TRANSPARENCY, Boolean.toString(transparent));
        return content(format, size);
    }

    IndexedAsset content(String format, long size) {
        number(IndexFields.SIZE, size);
        keyword(IndexFields.FORMAT, format);
        return this;
    }

    IndexedAsset visibility(boolean isPrivate, boolean published) {
        keyword(IndexFields.PRIVATE, Boolean.toString(isPrivate));
        keyword(IndexFields.PUBLISHED, Boolean.toString(published));
        return this;
    }

    IndexedAsset customMetadata(String key, String text) {
        keyword(IndexFields.CUSTOM_METADATA_KEYS, key);
        keyword(IndexFields.customMetadata(key), text);
        document.add(new TextField(IndexFields.customMetadataText(key), text, Store.NO));
        return this;
    }

    IndexedAsset customMetadata(String key, double number) {
        keyword(IndexFields.CUSTOM_METADATA_KEYS, key);
        keyword(IndexFields.customMetadata(key), Double.toString(number));
        document.add(new DoublePoint(IndexFields.customMetadataNumber(key), number));
        return this;
    }

    IndexedAsset customMetadata(String key, boolean flag) {
        keyword(IndexFields.CUSTOM_METADATA_KEYS, key);
        keyword(IndexFields.customMetadata(key), Boolean.toString(flag));
        return this;
    }

    Document document() {
        return document;
    }

    private void keyword(String field, String value) {
        document.add(new StringField(field, value, Store.NO));
    }

    private void number(String field, long value) {
        document.add(new LongPoint(field, value));
        document.add(new NumericDocValuesField(field, value));
    }
}
