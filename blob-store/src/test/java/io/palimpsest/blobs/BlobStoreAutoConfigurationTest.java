package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class BlobStoreAutoConfigurationTest {

    @TempDir
    Path dataDirectory;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BlobStoreAutoConfiguration.class));

    @Test
    void storesBlobsAndStagesUploadsUnderTheDataDirectoryByDefault() {
        runner.withPropertyValues("palimpsest.data-dir=" + dataDirectory).run(context -> {
            assertThat(context).hasSingleBean(LocalBlobStore.class);
            assertThat(context.getBean(LocalBlobStore.class).directory()).isEqualTo(dataDirectory.resolve("blobs"));
            assertThat(context.getBean(Staging.class).directory()).isEqualTo(dataDirectory.resolve("tmp"));
            assertThat(dataDirectory.resolve("blobs")).isDirectory();
            assertThat(dataDirectory.resolve("tmp")).isDirectory();
        });
    }

    @Test
    void usesExplicitlyConfiguredDirectories() {
        runner.withPropertyValues(
                "palimpsest.storage.local.directory=" + dataDirectory.resolve("objects"),
                "palimpsest.storage.staging-directory=" + dataDirectory.resolve("incoming")
        ).run(context -> {
            assertThat(context.getBean(LocalBlobStore.class).directory()).isEqualTo(dataDirectory.resolve("objects"));
            assertThat(context.getBean(Staging.class).directory()).isEqualTo(dataDirectory.resolve("incoming"));
        });
    }

    @Test
    void treatsAnEmptyS3EndpointAsUnset() {
        runner.withPropertyValues("palimpsest.data-dir=" + dataDirectory, "palimpsest.storage.s3.endpoint=")
                .run(context -> assertThat(context).hasSingleBean(LocalBlobStore.class).doesNotHaveBean(S3BlobStore.class));
    }

    @Test
    void usesS3WhenAnEndpointIsConfigured(@TempDir Path s3Directory) throws Exception {
        try (InProcessS3 s3 = InProcessS3.start(s3Directory)) {
            runner.withPropertyValues(
                    "palimpsest.data-dir=" + dataDirectory,
                    "palimpsest.storage.s3.endpoint=" + s3.endpoint(),
                    "palimpsest.storage.s3.access-key=" + InProcessS3.ACCESS_KEY,
                    "palimpsest.storage.s3.secret-key=" + InProcessS3.SECRET_KEY,
                    "palimpsest.storage.s3.bucket=configured"
            ).run(context -> {
                assertThat(context).hasSingleBean(S3BlobStore.class).doesNotHaveBean(LocalBlobStore.class);
                assertThat(s3Directory.resolve("configured")).isDirectory();
            });
        }
    }

    @Test
    void backsOffWhenTheApplicationProvidesItsOwnStore() {
        runner.withPropertyValues("palimpsest.data-dir=" + dataDirectory)
                .withBean(BlobStore.class, NoBlobs::new)
                .run(context -> assertThat(context).hasSingleBean(BlobStore.class).doesNotHaveBean(LocalBlobStore.class));
    }

    @Test
    void keepsTheS3SecretKeyOutOfItsDescription() {
        BlobStorageProperties.S3 s3 = new BlobStorageProperties.S3("http://s3", "access", "very-secret", null, null, null);

        assertThat(s3.toString()).doesNotContain("very-secret");
    }

    private static final class NoBlobs implements BlobStore {
        @Override
        public void put(ContentHash hash, Path stagedFile) {
        }

        @Override
        public InputStream open(ContentHash hash) throws NoSuchBlobException {
            throw new NoSuchBlobException(hash);
        }

        @Override
        public boolean exists(ContentHash hash) {
            return false;
        }

        @Override
        public void delete(ContentHash hash) {
        }

        @Override
        public void forEach(Consumer<StoredBlob> action) {
        }
    }
}
