package io.palimpsest.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.palimpsest.shared.files.FolderPath;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes are visible to the next search and become durable with their stream position, off the writing thread. */
class SearchIndexCommitTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @TempDir
    Path directory;

    @Test
    void aWriteIsVisibleAtOnceAndItsPositionIsWhatTheIndexReports() throws Exception {
        SearchIndex index = open();
        try {
            index.stage(folder("/photos/"));
            index.commit("position-1");

            assertThat(index.hasFolder("/photos/")).isTrue();
            assertThat(index.committedToken()).contains("position-1");
        } finally {
            index.destroy();
        }
    }

    @Test
    void aSearchSeesEveryBatchWrittenBeforeIt() throws Exception {
        SearchIndex index = open();
        try {
            index.stage(folder("/a/"));
            index.commit("position-1");
            assertThat(folders(index)).isEqualTo(1);

            index.stage(folder("/b/"));
            index.commit("position-2");
            index.stage(folder("/c/"));
            index.commit("position-3");

            assertThat(folders(index)).isEqualTo(3);
        } finally {
            index.destroy();
        }
    }

    @Test
    void theCommitThreadMakesWritesDurableWithTheirPosition() throws Exception {
        SearchIndex index = open();
        try {
            index.stage(folder("/photos/"));
            index.commit("position-1");

            SegmentInfos commit = awaitCommitOf("position-1");
            try (DirectoryReader durable = DirectoryReader.open(FSDirectory.open(directory))) {
                assertThat(durable.getIndexCommit().getSegmentsFileName()).isEqualTo(commit.getSegmentsFileName());
                assertThat(new IndexSearcher(durable)
                        .count(new TermQuery(new Term(IndexDocuments.FOLDER_KEY, "/photos/")))).isEqualTo(1);
            }
        } finally {
            index.destroy();
        }
    }

    @Test
    void aCleanStopCommitsTheLastPosition() throws Exception {
        SearchIndex index = open();
        index.stage(folder("/a/"));
        index.commit("position-1");
        index.stage(folder("/b/"));
        index.commit("position-2");
        index.destroy();

        SearchIndex reopened = open();
        try {
            assertThat(reopened.committedToken()).contains("position-2");
            assertThat(reopened.hasFolder("/a/")).isTrue();
            assertThat(reopened.hasFolder("/b/")).isTrue();
        } finally {
            reopened.destroy();
        }
    }

    private static int folders(SearchIndex index) {
        return index.search(new TermQuery(new Term(IndexFields.TYPE, "folder")), null, 0, 100,
                DocumentStoredFieldVisitor::new).size();
    }

    private SearchIndex open() {
        return new SearchIndex(directory, new IndexDocuments(JSON), JSON);
    }

    private static FolderRecord folder(String path) {
        return FolderRecord.of(FolderPath.parse(path), Instant.parse("2026-11-27T10:00:00Z"));
    }

    /** The latest commit in the index directory, once it carries the given stream position. */
    private SegmentInfos awaitCommitOf(String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (FSDirectory files = FSDirectory.open(directory)) {
                SegmentInfos latest = SegmentInfos.readLatestCommit(files);
                if (latest.getUserData().containsValue(token)) {
                    return latest;
                }
            } catch (IndexNotFoundException e) {
                // nothing committed yet
            }
            assertThat(System.nanoTime()).as("a commit of " + token + " within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
