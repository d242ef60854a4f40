package io.palimpsest.blobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where blobs and staged uploads live. Both local paths default to directories under
 * {@code palimpsest.data-dir} (resolved by {@link BlobStoreAutoConfiguration}), so a standalone
 * node keeps all its state in one directory.
 *
 * @param local            the filesystem store, used unless {@code s3.endpoint} is set
 * @param s3               the S3-compatible store (MinIO, AWS S3, ...)
 * @param stagingDirectory where uploads are written before they are hashed and stored; on the same
 *                         filesystem as {@code local.directory} so that storing is a rename
 */
@ConfigurationProperties(prefix = "palimpsest.storage")
public record BlobStorageProperties(Local local, S3 s3, Path stagingDirectory) {

    public BlobStorageProperties {
        local = local == null ? new Local(null) : local;
        s3 = s3 == null ? new S3(null, null, null, null, null, null) : s3;
    }

    Path blobDirectory(Path dataDirectory) {
        return local.directory() != null ? local.directory() : dataDirectory.resolve("blobs");
    }

    Path stagingDirectory(Path dataDirectory) {
        return stagingDirectory != null ? stagingDirectory : dataDirectory.resolve("tmp");
    }

    /** @param directory the blob root; {@code <palimpsest.data-dir>/blobs} when unset */
    public record Local(Path directory) {
    }

    /**
     * @param region left unset, the client asks the server for the bucket's region once; set it for
     *               AWS S3 to save that round trip
     * @param prefix prepended to every key, so that one bucket can hold more than blobs
     */
    public record S3(String endpoint, String accessKey, String secretKey, String bucket, String region, String prefix) {

        public static final String DEFAULT_BUCKET = "palimpsest";
        public static final String DEFAULT_PREFIX = "blobs/";

        public S3 {
            bucket = bucket == null || bucket.isBlank() ? DEFAULT_BUCKET : bucket;
            prefix = prefix == null ? DEFAULT_PREFIX : prefix;
            region = region == null || region.isBlank() ? null : region;
        }

        public boolean isConfigured() {
            return endpoint != null && !endpoint.isBlank();
        }

        /** Keeps the secret key out of logs and failure analyses, which print bound properties. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey="
                    + (secretKey == null ? null : "******") + ", bucket=" + bucket + ", region=" + region
                    + ", prefix=" + prefix + "]";
        }
    }
}
