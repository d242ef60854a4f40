package io.palimpsest.blobs;

import io.palimpsest.shared.files.ContentHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path blobDirectory;

    @Override
    BlobStore createStore() throws IOException {
        return new LocalBlobStore(blobDirectory);
    }

    @Override
    void backdate(ContentHash hash, Instant lastModified) throws IOException {
        Files.setLastModifiedTime(local().pathOf(hash), FileTime.from(lastModified));
    }

    @Test
    void shardsBlobsByTheirFirstFourHexDigits() throws IOException {
        StagedFile file = stage("sharded");

        store.put(file.hash(), file.path());

        String hex = file.hash().sha256();
        assertThat(blobDirectory.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex))
                .isRegularFile()
                .hasContent("sharded");
    }

    @Test
    void listsOnlyFilesNamedAndPlacedLikeBlobs() throws IOException {
        StagedFile file = stage("real blob");
        store.put(file.hash(), file.path());
        String stray = hashOf("stray").sha256();
        Files.writeString(blobDirectory.resolve(stray), "misplaced");
        Files.writeString(blobDirectory.resolve(file.hash().sha256().substring(0, 2)).resolve("notes.txt"), "foreign");

        assertThat(listAll()).extracting(StoredBlob::hash).containsExactly(file.hash());
    }

    private LocalBlobStore local() {
        return (LocalBlobStore) store;
    }
}
