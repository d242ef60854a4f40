package io.palimpsest.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.palimpsest.query.files.FileRecord;
import io.palimpsest.query.files.VersionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;

/**
 * This node's search index: a Lucene directory holding a document per file version and per folder,
 * plus, in its commit data, the position of the event stream it reflects. Changes of a processing
 * batch are staged here and written in {@link #commit(String)} with that position: the next search
 * sees them (near-real-time), and a Lucene commit makes documents and position durable together, at
 * most every {@link #COMMIT_INTERVAL} (an fsync per batch would cost more than the batch). After a
 * crash the index reopens at its last commit and the processor replays from the position stored with
 * it, so index and position never drift apart.
 */
public class SearchIndex implements DisposableBean {

    static final String TOKEN = "token";
    static final String FORMAT = "format";
    /**
     * The shape of the documents, kept in the commit data: an index written in another shape is
     * emptied when opened, and its processor then rebuilds it from the start of the event stream.
     */
    static final String FORMAT_VERSION = "2";
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** Recently written files, so a busy file is not read back from the index for every event. */
    private static final int CACHED_FILES = 2000;

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexDocuments documents;
    private final ObjectMapper json;
    private final Map<String, FileRecord> stagedFiles = new LinkedHashMap<>();
    /** Signatures of the version documents of staged files as the index holds them now. */
    private final Map<String, Map<String, IndexDocuments.Signature>> indexedSignatures = new LinkedHashMap<>();
    private final Map<String, Indexed> recentlyWritten = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Indexed> eldest) {
            return size() > CACHED_FILES;
        }
    };
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-commit");
        thread.setDaemon(true);
        return thread;
    });
    /** The stream position of everything written to the index writer (visible, perhaps not yet durable). */
    private volatile String writtenToken;
    /** The stream position of the last commit this process made; only the commit thread touches it. */
    private String committedToken;
    /** How many batches have been written to the index writer; a searcher opened later shows them all. */
    private final AtomicLong writtenBatches = new AtomicLong();
    /** How many of them the current searcher shows. */
    private volatile long searchableBatches;
    private final Object refreshing = new Object();

    /** A file as its documents are now, with their signatures. */
    private record Indexed(FileRecord file, Map<String, IndexDocuments.Signature> signatures) {
    }
    private final Map<String, FolderRecord> stagedFolders = new LinkedHashMap<>();
    /** Folders removed in this batch, each with everything under it; applied before staged folders. */
    private final List<String> removedFolders = new ArrayList<>();

    public SearchIndex(Path directory, IndexDocuments documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
        try {
            Files.createDirectories(directory);
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
            config.setCommitOnClose(false);
            config.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(FSDirectory.open(directory), config);
            if (!FORMAT_VERSION.equals(commitData(FORMAT).orElse(null))) {
                writer.deleteAll();
                writer.setLiveCommitData(Map.of(FORMAT, FORMAT_VERSION).entrySet());
                writer.commit();
            }
            this.searchers = new SearcherManager(writer, null);
            committer.scheduleWithFixedDelay(this::commitIfDue, COMMIT_INTERVAL.toMillis(),
                    COMMIT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    /** The event-stream position of the last commit, as the token store serialised it; empty for a new index. */
    public synchronized Optional<String> committedToken() {
        if (writtenToken != null) {
            return Optional.of(writtenToken);
        }
        return commitData(TOKEN);
    }

    private Optional<String> commitData(String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(key)) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** A file as the index (plus this batch's staged changes) knows it. */
    public synchronized Optional<FileRecord> file(String fileId) {
        FileRecord staged = stagedFiles.get(fileId);
        if (staged != null) {
            return Optional.of(staged);
        }
        Indexed recent = recentlyWritten.remove(fileId);
        if (recent != null) {
            // taken out: the caller changes the record, and a failed batch must not leave it behind
            indexedSignatures.put(fileId, recent.signatures());
            return Optional.of(recent.file());
        }
        List<Document> docs = find(new TermQuery(new Term(IndexDocuments.FILE_KEY, fileId)), 1000);
        Optional<Document> header = docs.stream().filter(d -> d.get(IndexDocuments.HEADER) != null
                && d.get(IndexDocuments.VERSION) == null).findFirst();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        FileRecord file = restore(header.get(), docs);
        Map<String, IndexDocuments.Signature> signatures = new LinkedHashMap<>();
        file.versions().forEach(v -> signatures.put(v.versionId(), documents.signature(file, v)));
        indexedSignatures.put(fileId, signatures);
        return Optional.of(file);
    }

    public synchronized boolean hasFolder(String folderPath) {
        if (stagedFolders.containsKey(folderPath)) {
            return true;
        }
        if (removedFolders.stream().anyMatch(folderPath::startsWith)) {
            return false;
        }
        return !find(new TermQuery(new Term(IndexDocuments.FOLDER_KEY, folderPath)), 1).isEmpty();
    }

    /** Removes a folder document and the documents of every folder under it (files are removed by their own events). */
    public synchronized void stageFolderRemoval(String folderPath) {
        stagedFolders.keySet().removeIf(path -> path.startsWith(folderPath));
        removedFolders.add(folderPath);
    }

    public synchronized void stage(FileRecord file) {
        stagedFiles.put(file.fileId(), file);
    }

    public synchronized void stage(FolderRecord folder) {
        stagedFolders.put(folder.path(), folder);
    }

    /**
     * Writes the staged changes with the new stream position, visible to every search that starts
     * from now on and made durable by the next commit (at most {@link #COMMIT_INTERVAL} later, on the
     * commit thread, so that the processor never waits for a commit's fsyncs).
     */
    public synchronized void commit(String token) {
        try {
            Map<String, Indexed> written = new LinkedHashMap<>();
            for (FileRecord file : stagedFiles.values()) {
                Map<String, IndexDocuments.Signature> signatures =
                        write(file, indexedSignatures.getOrDefault(file.fileId(), Map.of()));
                if (!file.deleted()) {
                    written.put(file.fileId(), new Indexed(file, signatures));
                }
            }
            for (String folderPath : removedFolders) {
                writer.deleteDocuments(new Term(IndexDocuments.FOLDER_KEY, folderPath));
                writer.deleteDocuments(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.TYPE, "folder")), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.PATH_ANCESTORS, folderPath)), BooleanClause.Occur.FILTER)
                        .build());
            }
            for (FolderRecord folder : stagedFolders.values()) {
                writer.updateDocument(new Term(IndexDocuments.FOLDER_KEY, folder.path()), documents.of(folder));
            }
            writtenToken = token;
            clearStaging();
            recentlyWritten.putAll(written);
            writtenBatches.incrementAndGet();
        } catch (IOException e) {
            discardStaged();
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }

    /** Forgets a batch that will not be committed (its events will be processed again). */
    public synchronized void discardStaged() {
        clearStaging();
        recentlyWritten.clear();
    }

    private void clearStaging() {
        stagedFiles.clear();
        stagedFolders.clear();
        removedFolders.clear();
        indexedSignatures.clear();
    }

    private void commitIfDue() {
        try {
            commitWritten();
        } catch (IOException | RuntimeException e) {
            // the next batch or the next tick tries again; until then the last commit stands
            org.slf4j.LoggerFactory.getLogger(SearchIndex.class).warn("Search index commit failed", e);
        }
    }

    /**
     * Commits what the writer holds with the position read <em>before</em> the commit starts: every
     * document of that position was written before it was published, so the commit's flush holds them
     * all. The commit may hold later documents too; their events are replayed after a crash, which
     * changes nothing (writes are idempotent).
     */
    private void commitWritten() throws IOException {
        String token = writtenToken;
        if (token == null || token.equals(committedToken)) {
            return;
        }
        writer.setLiveCommitData(Map.of(TOKEN, token, FORMAT, FORMAT_VERSION).entrySet());
        writer.commit();
        committedToken = token;
    }

    /**
     * Rewrites only the version documents whose content changed (a new upload touches two: the new
     * current version and the previous one), so indexing a file's history stays linear in its length.
     * Returns the signatures of the file's documents as they now are.
     */
    private Map<String, IndexDocuments.Signature> write(FileRecord file, Map<String, IndexDocuments.Signature> indexed)
            throws IOException {
        if (file.deleted()) {
            writer.deleteDocuments(new Term(IndexDocuments.FILE_KEY, file.fileId()));
            return Map.of();
        }
        Map<String, IndexDocuments.Signature> signatures = new LinkedHashMap<>();
        for (VersionRecord version : file.versions()) {
            IndexDocuments.Signature signature = documents.signature(file, version);
            signatures.put(version.versionId(), signature);
            if (!signature.equals(indexed.get(version.versionId()))) {
                writer.updateDocument(new Term(IndexDocuments.VERSION_KEY, version.versionId()),
                        documents.of(file, version));
            }
        }
        for (String versionId : indexed.keySet()) {
            if (!signatures.containsKey(versionId)) {
                writer.deleteDocuments(new Term(IndexDocuments.VERSION_KEY, versionId));
            }
        }
        writer.updateDocument(new Term(IndexDocuments.HEADER_KEY, file.fileId()),
                documents.headerDocument(file, documents.headerJson(file)));
        return signatures;
    }

    /**
     * The hits from {@code skip} to {@code skip + limit} of a query, in the order of {@code sort}: each
     * hit's stored fields go to a visitor of its own, which reads only what it needs.
     */
    public <V extends StoredFieldVisitor> List<V> search(Query query, Sort sort, int skip, int limit,
                                                         Supplier<V> visitors) {
        try {
            IndexSearcher searcher = freshSearcher();
            try {
                TopDocs top = sort == null
                        ? searcher.search(query, skip + limit)
                        : searcher.search(query, skip + limit, sort, sort.needsScores());
                List<V> hits = new ArrayList<>(Math.max(0, top.scoreDocs.length - skip));
                StoredFields stored = searcher.storedFields();
                for (int i = skip; i < top.scoreDocs.length; i++) {
                    V visitor = visitors.get();
                    stored.document(top.scoreDocs[i].doc, visitor);
                    hits.add(visitor);
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /**
     * A searcher that shows every batch written before this call. Opening one flushes what the writer
     * buffered into a new segment, so it is done when a search needs it rather than after every batch:
     * under a stream of uploads, one flush serves all the batches written since the last search
     * instead of one tiny segment (and its merges) per batch.
     */
    private IndexSearcher freshSearcher() throws IOException {
        long written = writtenBatches.get();
        if (searchableBatches < written) {
            synchronized (refreshing) {
                if (searchableBatches < written) {
                    long refreshed = writtenBatches.get();
                    searchers.maybeRefreshBlocking();
                    searchableBatches = refreshed;
                }
            }
        }
        return searchers.acquire();
    }

    /** Staged changes are never in the writer before commit, so a fresh searcher sees all there is. */
    private List<Document> find(Query query, int max) {
        try {
            IndexSearcher searcher = freshSearcher();
            try {
                List<Document> found = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, max).scoreDocs) {
                    found.add(searcher.storedFields().document(hit.doc));
                }
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index look-up failed", e);
        }
    }

    private FileRecord restore(Document header, List<Document> docs) {
        try {
            ObjectNode file = (ObjectNode) json.readTree(header.get(IndexDocuments.HEADER));
            ArrayNode versions = file.putArray("versions");
            for (Document doc : docs) {
                if (doc.get(IndexDocuments.VERSION) != null) {
                    versions.add(json.readTree(doc.get(IndexDocuments.VERSION)));
                }
            }
            return json.treeToValue(file, FileRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable search index document", e);
        }
    }

    /** A clean stop commits what was written, so the next start need not replay it. */
    @Override
    public synchronized void destroy() throws IOException {
        committer.shutdown();
        try {
            // not interrupted: an interrupt during a commit's I/O would close the writer's files
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        searchers.close();
        commitWritten();
        writer.close();
    }
}
