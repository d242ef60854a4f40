package io.palimpsest.bench.read;

import io.palimpsest.query.search.IndexFields;
import io.palimpsest.query.search.language.LuceneQueryTranslator;
import io.palimpsest.query.search.language.SearchExpression;
import io.palimpsest.query.search.language.SearchQueryParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The search baseline: Palimpsest's own Lucene index, opened read-only in the harness
 * ({@link DirectoryReader} on its last commit, no writer), queried with the query Palimpsest builds
 * for {@code GET /v1/files?searchQuery=...} (the same parser and translator, the same filters, sort
 * and limit), loading the stored fields of each hit that the API's answer is made of (the pre-rendered
 * File object and what its URLs are built from; like the API, it stops before the version record that
 * follows them), through one {@code StoredFields} per search. What it leaves out is what the API adds:
 * HTTP, parameter handling, and joining the parts and each version's URLs into the JSON answer.
 */
final class RawLucene implements AutoCloseable {

    /** {@code IndexDocuments.SORT_KEY} (package-private there): the tie-breaker of every sort. */
    static final String SORT_KEY = "_key";
    /** The stored fields the API reads per hit ({@code IndexDocuments}, package-private there), and the one after them. */
    static final Set<String> ANSWER_FIELDS = Set.of("_source", "_sourceTail", "_urlPath", "_urlVersion", "_urlUpdatedAt",
            "_urlFlags");
    static final String VERSION_RECORD = "_version";
    private static final Pattern VERSION_ID = Pattern.compile(
            "\"versionInfo\":\\{\"id\":\"([0-9a-f]{24})\"");

    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SearchQueryParser parser = new SearchQueryParser(Clock.systemUTC());

    RawLucene(Path indexDirectory) throws IOException {
        this.directory = FSDirectory.open(indexDirectory);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** The serialised stream position in the index's last commit (how far the search projection got). */
    static Optional<String> committedToken(Path indexDirectory) {
        try (FSDirectory dir = FSDirectory.open(indexDirectory)) {
            return Optional.ofNullable(SegmentInfos.readLatestCommit(dir).getUserData().get("token"));
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    int documents() {
        return reader.numDocs();
    }

    /**
     * The query {@code AssetListController} builds for a searchQuery: listable documents only, the
     * translated expression, and {@code type = file} unless the expression names a type.
     */
    Query query(String searchQuery) {
        SearchExpression expression = parser.parse(searchQuery);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new BooleanQuery.Builder()
                .add(term(IndexFields.TYPE, "file"), Occur.SHOULD)
                .add(term(IndexFields.TYPE, "file-version"), Occur.SHOULD)
                .add(term(IndexFields.TYPE, "folder"), Occur.SHOULD)
                .build(), Occur.FILTER);
        query.add(LuceneQueryTranslator.translate(expression), Occur.MUST);
        if (!expression.constrainsType()) {
            query.add(term(IndexFields.TYPE, "file"), Occur.FILTER);
        }
        return query.build();
    }

    /** {@code AssetListController.sort} for the sorts the benchmark uses, with the same tie-breaker. */
    static Sort sort(String sort) {
        String value = sort.toUpperCase(Locale.ROOT);
        boolean descending = value.startsWith("DESC_");
        SortField primary = switch (value.substring(value.indexOf('_') + 1)) {
            case "CREATED" -> numeric(IndexFields.CREATED_AT, descending);
            case "SIZE" -> numeric(IndexFields.SIZE, descending);
            case "RELEVANCE" -> new SortField(null, SortField.Type.SCORE, !descending);
            default -> throw new IllegalArgumentException("sort not mirrored here: " + sort);
        };
        return new Sort(primary, new SortField(SORT_KEY, SortField.Type.STRING));
    }

    private static SortField numeric(String field, boolean descending) {
        SortField sortField = new SortField(field, SortField.Type.LONG, descending);
        sortField.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
        return sortField;
    }

    /** Runs the search and loads the answer's stored fields of every hit, as the API does; returns the hits. */
    List<Hit> search(String searchQuery, String sort, int limit) throws IOException {
        Query query = query(searchQuery);
        Sort order = sort(sort);
        TopDocs top = searcher.search(query, limit, order, order.needsScores());
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            Hit hit = new Hit();
            stored.document(top.scoreDocs[i].doc, hit);
            hits.add(hit);
        }
        return hits;
    }

    /** The hits' versionIds in order ({@code folder} for folders), for comparing with the API's (not timed). */
    List<String> versionIds(String searchQuery, String sort, int limit) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Hit hit : search(searchQuery, sort, limit)) {
            ids.add(hit.versionId());
        }
        return ids;
    }

    /** One hit's stored fields, those of the answer. */
    static final class Hit extends StoredFieldVisitor {

        private final List<Object> values = new ArrayList<>(ANSWER_FIELDS.size());
        private byte[] source;

        @Override
        public Status needsField(FieldInfo field) {
            if (field.name.equals(VERSION_RECORD)) {
                return Status.STOP;
            }
            return ANSWER_FIELDS.contains(field.name) ? Status.YES : Status.NO;
        }

        @Override
        public void binaryField(FieldInfo field, byte[] value) {
            if (field.name.equals("_source")) {
                source = value;
            }
            values.add(value);
        }

        @Override
        public void stringField(FieldInfo field, String value) {
            values.add(value);
        }

        @Override
        public void intField(FieldInfo field, int value) {
            values.add(value);
        }

        @Override
        public void longField(FieldInfo field, long value) {
            values.add(value);
        }

        String versionId() {
            if (source == null) {
                return "?";
            }
            String json = new String(source, StandardCharsets.UTF_8);
            if (json.startsWith("{\"type\":\"folder\"")) {
                return "folder";
            }
            Matcher id = VERSION_ID.matcher(json);
            return id.find() ? id.group(1) : "?";
        }
    }

    /** How many documents match, for the report (not timed). */
    int count(String searchQuery) throws IOException {
        return searcher.count(query(searchQuery));
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
