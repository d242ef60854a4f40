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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
 * batch are staged here and written in {@link #commit(String)} together with that position, so index
 * and position can never drift apart; searches see them as soon as the commit is done.
 */
public class SearchIndex implements DisposableBean {

    static final String TOKEN = "token";

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexDocuments documents;
    private final ObjectMapper json;
    private final Map<String, FileRecord> stagedFiles = new LinkedHashMap<>();
    /** Signatures of the version documents of staged files as the index holds them now. */
    private final Map<String, Map<String, String>> indexedSignatures = new LinkedHashMap<>();
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
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + directory, e);
        }
    }

    /** The event-stream position of the last commit, as the token store serialised it; empty for a new index. */
    public synchronized Optional<String> committedToken() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().equals(TOKEN)) {
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
        List<Document> docs = find(new TermQuery(new Term(IndexDocuments.FILE_KEY, fileId)), 1000);
        Optional<Document> header = docs.stream().filter(d -> d.get(IndexDocuments.HEADER) != null
                && d.get(IndexDocuments.VERSION) == null).findFirst();
        if (header.isEmpty()) {
            return Optional.empty();
        }
        FileRecord file = restore(header.get(), docs);
        Map<String, String> signatures = new LinkedHashMap<>();
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

    /** Writes the staged changes and the new stream position in one Lucene commit. */
    public synchronized void commit(String token) {
        try {
            for (FileRecord file : stagedFiles.values()) {
                write(file, indexedSignatures.getOrDefault(file.fileId(), Map.of()));
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
            writer.setLiveCommitData(Map.of(TOKEN, token).entrySet());
            writer.commit();
            discardStaged();
            searchers.maybeRefresh();
        } catch (IOException e) {
            discardStaged();
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    /** Forgets a batch that will not be committed (its events will be processed again). */
    public synchronized void discardStaged() {
        stagedFiles.clear();
        stagedFolders.clear();
        removedFolders.clear();
        indexedSignatures.clear();
    }

    /**
     * Rewrites only the version documents whose content changed (a new upload touches two: the new
     * current version and the previous one), so indexing a file's history stays linear in its length.
     */
    private void write(FileRecord file, Map<String, String> indexed) throws IOException {
        if (file.deleted()) {
            writer.deleteDocuments(new Term(IndexDocuments.FILE_KEY, file.fileId()));
            return;
        }
        for (VersionRecord version : file.versions()) {
            if (!documents.signature(file, version).equals(indexed.get(version.versionId()))) {
                writer.updateDocument(new Term(IndexDocuments.VERSION_KEY, version.versionId()),
                        documents.of(file, version));
            }
        }
        for (String versionId : indexed.keySet()) {
            if (file.version(versionId).isEmpty()) {
                writer.deleteDocuments(new Term(IndexDocuments.VERSION_KEY, versionId));
            }
        }
        writer.updateDocument(new Term(IndexDocuments.HEADER_KEY, file.fileId()), documents.headerDocument(file));
    }

    /** The hits from {@code skip} to {@code skip + limit} of a query, in the order of {@code sort}. */
    public List<Document> search(Query query, Sort sort, int skip, int limit) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = sort == null
                        ? searcher.search(query, skip + limit)
                        : searcher.search(query, skip + limit, sort, sort.needsScores());
                List<Document> hits = new ArrayList<>();
                for (int i = skip; i < top.scoreDocs.length; i++) {
                    hits.add(searcher.storedFields().document(top.scoreDocs[i].doc));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** How many documents the index holds, for metrics and tests. */
    public int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Staged changes are never in the writer before commit, so the refreshed searcher sees all there is. */
    private List<Document> find(Query query, int max) {
        try {
            IndexSearcher searcher = searchers.acquire();
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

    @Override
    public synchronized void destroy() throws IOException {
        searchers.close();
        writer.rollback();
    }
}
