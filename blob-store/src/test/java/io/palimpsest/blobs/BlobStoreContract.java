package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What every {@link BlobStore} promises, whatever keeps the bytes. */
abstract class BlobStoreContract {

    private static final long NO_LIMIT = Long.MAX_VALUE;
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path stagingDirectory;

    BlobStore store;
    Staging staging;

    abstract BlobStore createStore() throws Exception;

    /** Sets a blob's modification time behind the store's back, as if it had been written long ago. */
    abstract void backdate(ContentHash hash, Instant lastModified) throws IOException;

    @BeforeEach
    void createStoreAndStaging() throws Exception {
        store = createStore();
        staging = new Staging(stagingDirectory);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Nested
    class Put {

        @Test
        void storesBytesThatOpenReadsBack() throws IOException {
            StagedFile file = stage("a picture of a palimpsest");

            store.put(file.hash(), file.path());

            assertThat(read(file.hash())).isEqualTo("a picture of a palimpsest");
        }

        @Test
        void consumesTheStagedFile() throws IOException {
            StagedFile file = stage("bytes");

            store.put(file.hash(), file.path());

            assertThat(file.path()).doesNotExist();
        }

        @Test
        void storesIdenticalBytesOnce() throws IOException {
            StagedFile first = stage("the same bytes");
            StagedFile second = stage("the same bytes");

            store.put(first.hash(), first.path());
            store.put(second.hash(), second.path());

            assertThat(listAll()).extracting(StoredBlob::hash).containsExactly(first.hash());
        }

        @Test
        void consumesTheStagedFileWhenTheBlobAlreadyExists() throws IOException {
            StagedFile first = stage("the same bytes");
            StagedFile second = stage("the same bytes");
            store.put(first.hash(), first.path());

            store.put(second.hash(), second.path());

            assertThat(second.path()).doesNotExist();
            assertThat(stagingDirectory).isEmptyDirectory();
        }

        @Test
        void refreshesTheLastModifiedTimeOfAnExistingBlob() throws IOException {
            StagedFile first = stage("bytes garbage collection must spare");
            StagedFile second = stage("bytes garbage collection must spare");
            store.put(first.hash(), first.path());
            backdate(first.hash(), LONG_AGO);
            assertThat(onlyBlob().lastModified()).isEqualTo(LONG_AGO);
            Instant beforeSecondPut = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            store.put(second.hash(), second.path());

            assertThat(onlyBlob().lastModified()).isAfterOrEqualTo(beforeSecondPut);
        }

        @Test
        void storesEmptyContent() throws IOException {
            StagedFile file = stage("");

            store.put(file.hash(), file.path());

            assertThat(read(file.hash())).isEmpty();
            assertThat(onlyBlob().size()).isZero();
        }
    }

    @Nested
    class Open {

        @Test
        void throwsNoSuchBlobForAMissingBlob() {
            ContentHash missing = hashOf("never stored");

            assertThatThrownBy(() -> store.open(missing).close())
                    .isInstanceOf(NoSuchBlobException.class)
                    .satisfies(e -> assertThat(((NoSuchBlobException) e).hash()).isEqualTo(missing));
        }
    }

    @Nested
    class Exists {

        @Test
        void isTrueForAStoredBlob() throws IOException {
            StagedFile file = stage("present");
            store.put(file.hash(), file.path());

            assertThat(store.exists(file.hash())).isTrue();
        }

        @Test
        void isFalseForAMissingBlob() throws IOException {
            assertThat(store.exists(hashOf("absent"))).isFalse();
        }
    }

    @Nested
    class Delete {

        @Test
        void removesTheBlob() throws IOException {
            StagedFile file = stage("short-lived");
            store.put(file.hash(), file.path());

            store.delete(file.hash());

            assertThat(store.exists(file.hash())).isFalse();
            assertThat(listAll()).isEmpty();
        }

        @Test
        void ignoresAMissingBlob() throws IOException {
            store.delete(hashOf("never stored"));

            assertThat(listAll()).isEmpty();
        }
    }

    @Nested
    class ForEach {

        @Test
        void listsEveryStoredBlobWithItsSize() throws IOException {
            StagedFile small = stage("small");
            StagedFile larger = stage("somewhat larger");
            store.put(small.hash(), small.path());
            store.put(larger.hash(), larger.path());

            assertThat(listAll())
                    .extracting(StoredBlob::hash, StoredBlob::size)
                    .containsExactlyInAnyOrder(
                            tuple(small.hash(), 5L),
                            tuple(larger.hash(), 15L));
        }

        @Test
        void listsNothingInAnEmptyStore() throws IOException {
            assertThat(listAll()).isEmpty();
        }
    }

    StagedFile stage(String content) throws IOException {
        return staging.stage(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), NO_LIMIT);
    }

    ContentHash hashOf(String content) {
        try {
            StagedFile file = stage(content);
            staging.discard(file);
            return file.hash();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String read(ContentHash hash) throws IOException {
        try (InputStream in = store.open(hash)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    List<StoredBlob> listAll() throws IOException {
        List<StoredBlob> blobs = new ArrayList<>();
        store.forEach(blobs::add);
        return blobs;
    }

    StoredBlob onlyBlob() throws IOException {
        List<StoredBlob> blobs = listAll();
        assertThat(blobs).hasSize(1);
        return blobs.get(0);
    }
}
