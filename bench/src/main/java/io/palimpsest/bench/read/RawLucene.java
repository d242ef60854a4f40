package io.palimpsest.bench.read;

import io.palimpsest.query.search.IndexFields;
import io.palimpsest.query.search.language.LuceneQueryTranslator;
import io.palimpsest.query.search.language.SearchExpression;
import io.palimpsest.query.search.language.SearchQueryParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
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
 * and limit), loading the stored fields of each hit. What it leaves out is what the API adds: HTTP,
 * parameter handling, reading the stored JSON back into records and rendering ImageKit's File objects.
 */
final class RawLucene implements AutoCloseable {

    /** {@code IndexDocuments.SORT_KEY} (package-private there): the tie-breaker of every sort. */
    static final String SORT_KEY = "_key";
    private static final Pattern VERSION_ID = Pattern.compile("\"versionId\"\\s*:\\s*\"([0-9a-f]{24})\"");

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

    /** Runs the search and loads every hit's stored fields; returns the hits' versionIds in order. */
    List<String> search(String searchQuery, String sort, int limit) throws IOException {
        Query query = query(searchQuery);
        Sort order = sort(sort);
        TopDocs top = searcher.search(query, limit, order, order.needsScores());
        List<String> versionIds = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            Document doc = searcher.storedFields().document(top.scoreDocs[i].doc);
            versionIds.add(versionId(doc));
        }
        return versionIds;
    }

    /** How many documents match, for the report (not timed). */
    int count(String searchQuery) throws IOException {
        return searcher.count(query(searchQuery));
    }

    private static String versionId(Document doc) {
        String version = doc.get("_version");
        if (version == null) {
            return "folder";
        }
        Matcher id = VERSION_ID.matcher(version);
        return id.find() ? id.group(1) : "?";
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
