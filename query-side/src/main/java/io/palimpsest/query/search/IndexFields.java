package io.palimpsest.query.search;

/**
 * The fields of the search index: one Lucene document per file version (current ones have type
 * {@code file}, the others {@code file-version}) and one per folder. The searchQuery language
 * (spec §5) is translated onto exactly these fields.
 */
public final class IndexFields {

    /** {@code file}, {@code file-version} or {@code folder}: StringField. */
    public static final String TYPE = "type";
    /** The fileId (folderId for folders): StringField. */
    public static final String ID = "id";
    /** The versionId (absent on folders): StringField. */
    public static final String VERSION_ID = "versionId";
    /** Exact, case-sensitive name: StringField, plus SortedDocValues of the same name for sorting. */
    public static final String NAME = "name";
    /** Tokenised, lower-cased name for {@code HAS}: TextField (standard analyzer). */
    public static final String NAME_TEXT = "name.text";
    /** The containing folder, {@code /a/b/} (root {@code /}): StringField. */
    public static final String PATH = "path";
    /** The containing folder and every ancestor ({@code /}, {@code /a/}, {@code /a/b/}): StringField, many. */
    public static final String PATH_ANCESTORS = "path.ancestors";
    /** Tags and AI tag names, exact: StringField, many. */
    public static final String TAGS = "tags";
    /** Tags and AI tag names for {@code HAS}: TextField. */
    public static final String TAGS_TEXT = "tags.text";
    /** Epoch milliseconds: LongPoint plus NumericDocValues of the same name. */
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";
    /** Pixels / bytes: LongPoint plus NumericDocValues of the same name (absent for non-images' sizes). */
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String SIZE = "size";
    /** Lower-case format from the mime type ({@code jpg}, {@code png}, {@code pdf}, ...): StringField. */
    public static final String FORMAT = "format";
    /** {@code image} or {@code non-image}: StringField. */
    public static final String FILE_TYPE = "fileType";
    /** {@code "true"} / {@code "false"}: StringField. */
    public static final String PRIVATE = "private";
    public static final String PUBLISHED = "published";
    public static final String TRANSPARENCY = "transparency";
    /**
     * Prefix of custom metadata fields; see {@link #customMetadata(String)} and friends. Derived
     * fields use {@code #}, which a key cannot contain, so no key's field can collide with another's.
     */
    public static final String CUSTOM_METADATA_PREFIX = "customMetadata.";
    /** Names of the custom metadata keys a version has, for {@code EXISTS}: StringField, many. */
    public static final String CUSTOM_METADATA_KEYS = "customMetadata#keys";
    /**
     * Stored JSON as list and search return it: a folder's whole Folder object; a version's File
     * object up to {@code isPublished}, the rest following in stored fields of its own (the URLs
     * depend on the deployment and are added per response).
     */
    public static final String SOURCE = "_source";

    private IndexFields() {
    }

    /**
     * The text that {@code .text} fields are analysed from, on both sides (indexing and {@code HAS}):
     * names join words with {@code _ - .} (uploads turn spaces into {@code _}), which Lucene's
     * standard tokenizer would otherwise keep together.
     */
    public static String words(String text) {
        return text.replaceAll("[._\\-]+", " ");
    }

    /** Exact string value (StringField) of a custom metadata key; booleans are "true"/"false". */
    public static String customMetadata(String key) {
        return CUSTOM_METADATA_PREFIX + key;
    }

    /** Tokenised text of a string custom metadata value, for {@code HAS}: TextField. */
    public static String customMetadataText(String key) {
        return CUSTOM_METADATA_PREFIX + key + "#text";
    }

    /** Numeric value (numbers and dates as epoch ms) of a custom metadata key: DoublePoint. */
    public static String customMetadataNumber(String key) {
        return CUSTOM_METADATA_PREFIX + key + "#number";
    }
}
