package io.palimpsest.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.palimpsest.query.files.FileJson;
import io.palimpsest.query.files.FileObjects;
import io.palimpsest.query.files.FileRecord;
import io.palimpsest.query.files.VersionRecord;
import io.palimpsest.shared.files.AITag;
import io.palimpsest.shared.files.FolderPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns read-model records into Lucene documents with the fields of {@link IndexFields}, and keeps
 * in stored fields what is needed to rebuild the record (the index is its own source of state).
 */
public class IndexDocuments {

    /** All documents of one file carry its id here, so deleting the file deletes them together. */
    static final String FILE_KEY = "_file";
    /** Each version's document is keyed by its versionId, so a change rewrites only what changed. */
    static final String VERSION_KEY = "_versionKey";
    /** The file's own state (everything but its versions) lives in one hidden document, keyed by fileId. */
    static final String HEADER_KEY = "_headerKey";
    static final String FOLDER_KEY = "_folder";
    /** Stable tie-breaker for sorting. */
    static final String SORT_KEY = "_key";
    static final String HEADER = "_header";
    static final String VERSION = "_version";
    /** A version's File object up to {@code isPublished}; a folder's whole Folder object. */
    static final String SOURCE = IndexFields.SOURCE;
    /** A version's File object after {@code thumbnail}: {@code ,"fileType":...}. */
    static final String SOURCE_TAIL = "_sourceTail";
    /** What the URLs of a version's File object are made of (see {@link FileObjects.UrlParts}). */
    static final String URL_PATH = "_urlPath";
    /** The versionId of a non-current version, which its URL addresses; absent on current versions. */
    static final String URL_VERSION = "_urlVersion";
    static final String URL_UPDATED_AT = "_urlUpdatedAt";
    /** Bit 0: published; bit 1: an image. */
    static final String URL_FLAGS = "_urlFlags";
    static final int PUBLISHED_FLAG = 1;
    static final int IMAGE_FLAG = 2;

    private final ObjectMapper json;
    private final FileJson fileJson;

    public IndexDocuments(ObjectMapper json) {
        this.json = json;
        this.fileJson = new FileJson(json);
    }

    /** The hidden document holding the file's own state; no search matches it (it has no type). */
    Document headerDocument(FileRecord file, String headerJson) {
        Document doc = new Document();
        doc.add(new StringField(FILE_KEY, file.fileId(), Field.Store.NO));
        doc.add(new StringField(HEADER_KEY, file.fileId(), Field.Store.NO));
        doc.add(new StoredField(HEADER, headerJson));
        return doc;
    }

    /**
     * What a version's document depends on: its own record, whether it is current, where the file is,
     * and the times it shows. Equal signatures mean the same document (records compare deeply).
     */
    record Signature(VersionRecord version, boolean current, String filePath, Instant createdAt, Instant updatedAt) {
    }

    Signature signature(FileRecord file, VersionRecord version) {
        boolean current = file.isCurrent(version);
        return new Signature(version, current, file.filePath(), current ? file.createdAt() : null,
                current ? file.updatedAt() : null);
    }

    /**
     * A version's document: the fields of {@link IndexFields} to find and sort it by, then, stored,
     * what its File object needs apart from the URLs (rendered once here, not per search hit), and
     * last the version's record, which the index restores files from.
     */
    Document of(FileRecord file, VersionRecord version) {
        boolean current = file.isCurrent(version);
        Document doc = new Document();
        doc.add(new StringField(FILE_KEY, file.fileId(), Field.Store.NO));
        doc.add(new StringField(VERSION_KEY, version.versionId(), Field.Store.NO));
        doc.add(new SortedDocValuesField(SORT_KEY, new BytesRef(version.versionId())));
        keyword(doc, IndexFields.TYPE, current ? "file" : "file-version");
        keyword(doc, IndexFields.ID, file.fileId());
        keyword(doc, IndexFields.VERSION_ID, version.versionId());
        name(doc, file.name());
        place(doc, FolderPath.parse(file.folder()));
        for (String tag : tagsOf(version)) {
            keyword(doc, IndexFields.TAGS, tag);
            doc.add(new TextField(IndexFields.TAGS_TEXT, IndexFields.words(tag), Field.Store.NO));
        }
        number(doc, IndexFields.CREATED_AT, (current ? file.createdAt() : version.createdAt()).toEpochMilli());
        number(doc, IndexFields.UPDATED_AT, (current ? file.updatedAt() : version.updatedAt()).toEpochMilli());
        if (version.width() != null) {
            number(doc, IndexFields.WIDTH, version.width());
        }
        if (version.height() != null) {
            number(doc, IndexFields.HEIGHT, version.height());
        }
        number(doc, IndexFields.SIZE, version.size());
        keyword(doc, IndexFields.FORMAT, FileObjects.format(version.mime()));
        keyword(doc, IndexFields.FILE_TYPE, version.mime().startsWith("image/") ? "image" : "non-image");
        keyword(doc, IndexFields.PRIVATE, String.valueOf(version.details().privateFile()));
        keyword(doc, IndexFields.PUBLISHED, String.valueOf(version.details().published()));
        keyword(doc, IndexFields.TRANSPARENCY, String.valueOf(Boolean.TRUE.equals(version.hasAlpha())));
        version.details().customMetadata().forEach((key, value) -> customMetadata(doc, key, value));
        doc.add(new StoredField(SOURCE, fileJson.head(file, version)));
        doc.add(new StoredField(SOURCE_TAIL, fileJson.tail(file, version)));
        FileObjects.UrlParts url = FileObjects.UrlParts.of(file, version);
        doc.add(new StoredField(URL_PATH, url.filePath()));
        if (url.versionId() != null) {
            doc.add(new StoredField(URL_VERSION, url.versionId()));
        }
        doc.add(new StoredField(URL_UPDATED_AT, url.updatedAt()));
        doc.add(new StoredField(URL_FLAGS, (url.published() ? PUBLISHED_FLAG : 0) | (url.image() ? IMAGE_FLAG : 0)));
        doc.add(new StoredField(VERSION, write(version)));
        return doc;
    }

    Document of(FolderRecord folder) {
        Document doc = new Document();
        doc.add(new StringField(FOLDER_KEY, folder.path(), Field.Store.NO));
        doc.add(new SortedDocValuesField(SORT_KEY, new BytesRef(folder.path())));
        keyword(doc, IndexFields.TYPE, "folder");
        keyword(doc, IndexFields.ID, folder.folderId());
        name(doc, folder.name());
        place(doc, FolderPath.parse(folder.parent()));
        number(doc, IndexFields.CREATED_AT, folder.createdAt().toEpochMilli());
        number(doc, IndexFields.UPDATED_AT, folder.updatedAt().toEpochMilli());
        doc.add(new StoredField(SOURCE, folderJson(folder)));
        return doc;
    }

    /** ImageKit's Folder object (spec §2.3). */
    private byte[] folderJson(FolderRecord folder) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "folder");
        body.put("name", folder.name());
        body.put("folderId", folder.folderId());
        body.put("folderPath", folder.folderPath());
        body.put("createdAt", FileObjects.TIMESTAMP.format(folder.createdAt()));
        body.put("updatedAt", FileObjects.TIMESTAMP.format(folder.updatedAt()));
        body.put("customMetadata", Map.of());
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + folder, e);
        }
    }

    private static Collection<String> tagsOf(VersionRecord version) {
        List<String> tags = new ArrayList<>(version.details().tags());
        version.details().aiTags().stream().map(AITag::name).forEach(tags::add);
        return tags;
    }

    private static void keyword(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.NO));
    }

    private static void name(Document doc, String name) {
        keyword(doc, IndexFields.NAME, name);
        doc.add(new SortedDocValuesField(IndexFields.NAME, new BytesRef(name)));
        doc.add(new TextField(IndexFields.NAME_TEXT, IndexFields.words(name), Field.Store.NO));
    }

    private static void place(Document doc, FolderPath folder) {
        keyword(doc, IndexFields.PATH, folder.value());
        keyword(doc, IndexFields.PATH_ANCESTORS, "/");
        for (FolderPath ancestor : folder.selfAndAncestors()) {
            keyword(doc, IndexFields.PATH_ANCESTORS, ancestor.value());
        }
    }

    private static void number(Document doc, String field, long value) {
        doc.add(new LongPoint(field, value));
        doc.add(new NumericDocValuesField(field, value));
    }

    private static void customMetadata(Document doc, String key, Object value) {
        keyword(doc, IndexFields.CUSTOM_METADATA_KEYS, key);
        if (value instanceof Collection<?> values) {
            values.forEach(v -> customMetadataValue(doc, key, v));
        } else {
            customMetadataValue(doc, key, value);
        }
    }

    private static void customMetadataValue(Document doc, String key, Object value) {
        if (value instanceof Number number) {
            doc.add(new DoublePoint(IndexFields.customMetadataNumber(key), number.doubleValue()));
            keyword(doc, IndexFields.customMetadata(key), number.toString());
        } else if (value instanceof Boolean bool) {
            keyword(doc, IndexFields.customMetadata(key), bool.toString());
        } else if (value != null) {
            String text = value.toString();
            keyword(doc, IndexFields.customMetadata(key), text);
            doc.add(new TextField(IndexFields.customMetadataText(key), IndexFields.words(text), Field.Store.NO));
            dateValue(text).ifPresent(ms -> doc.add(new DoublePoint(IndexFields.customMetadataNumber(key), ms)));
        }
    }

    /** Date custom metadata arrives as ISO strings; indexed as epoch ms too, for range queries. */
    private static java.util.Optional<Double> dateValue(String text) {
        try {
            return java.util.Optional.of((double) Instant.parse(text).toEpochMilli());
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            try {
                return java.util.Optional.of((double) java.time.LocalDate.parse(text)
                        .atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
            } catch (java.time.format.DateTimeParseException notADate) {
                return java.util.Optional.empty();
            }
        }
    }

    /** The file's own state without its versions (each version document stores its own). */
    String headerJson(FileRecord file) {
        ObjectNode node = json.valueToTree(file);
        node.remove("versions");
        return node.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
