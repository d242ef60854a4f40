package io.palimpsest.blobs;

import io.minio.BucketExistsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.palimpsest.shared.files.ContentHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class S3BlobStoreTest extends BlobStoreContract {

    @TempDir
    static Path s3Directory;

    static InProcessS3 s3;

    BlobStorageProperties.S3 settings;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = InProcessS3.start(s3Directory);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    BlobStore createStore() throws IOException {
        settings = s3.freshBucket();
        return new S3BlobStore(settings);
    }

    /** The filesystem backend reports a file's modification time as the object's Last-Modified. */
    @Override
    void backdate(ContentHash hash, Instant lastModified) throws IOException {
        Files.setLastModifiedTime(s3.fileOf(settings, settings.prefix() + hash.sha256()), FileTime.from(lastModified));
    }

    @Test
    void createsItsBucketAtStart() throws Exception {
        try (MinioClient raw = rawClient()) {
            assertThat(raw.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build())).isTrue();
        }
    }

    @Test
    void storesBlobsUnderTheConfiguredPrefix() throws Exception {
        StagedFile file = stage("prefixed");

        store.put(file.hash(), file.path());

        assertThat(rawKeys()).contains("blobs/" + file.hash().sha256());
    }

    @Test
    void skipsTheDirectoryMarkersThatTheFilesystemBackendLists() throws Exception {
        StagedFile file = stage("beside a marker");
        store.put(file.hash(), file.path());
        assertThat(rawKeys()).as("the backend lists a directory marker").anyMatch(key -> key.endsWith("/"));

        assertThat(listAll()).extracting(StoredBlob::hash).containsExactly(file.hash());
    }

    @Test
    void stopsTheHttpClientThreadsOnClose() throws Exception {
        StagedFile file = stage("any request starts a dispatcher thread");
        store.put(file.hash(), file.path());
        assertThat(liveOkHttpDispatchers()).isNotEmpty();

        ((S3BlobStore) store).close();

        await().atMost(Duration.ofSeconds(10)).until(() -> liveOkHttpDispatchers().isEmpty());
    }

    private static List<Thread> liveOkHttpDispatchers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon() && thread.getName().startsWith("OkHttp"))
                .toList();
    }

    private List<String> rawKeys() throws Exception {
        try (MinioClient raw = rawClient()) {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : raw.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket()).recursive(true).build())) {
                keys.add(result.get().objectName());
            }
            return keys;
        }
    }

    private MinioClient rawClient() {
        return MinioClient.builder()
                .endpoint(s3.endpoint())
                .credentials(InProcessS3.ACCESS_KEY, InProcessS3.SECRET_KEY)
                .build();
    }
}
