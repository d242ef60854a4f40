package io.palimpsest.blobs;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.http.HttpUtils;
import io.minio.messages.Item;
import io.palimpsest.shared.files.ContentHash;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Blobs as objects {@code <prefix><hash>} in one bucket of any S3-compatible store, through the MinIO
 * client. S3 writes are atomic per object, so a blob is either complete or absent.
 *
 * <p>Owns its OkHttp client: MinIO's calls run on OkHttp's non-daemon dispatcher threads, which would
 * keep a JVM alive for a minute after it is done unless {@link #close()} shuts them down. The client
 * also turns Nagle's algorithm off (see {@link NoDelaySocketFactory}), which makes small puts several
 * times faster.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> MISSING_OBJECT_CODES = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    private static final Set<String> BUCKET_PRESENT_CODES = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    private static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final OkHttpClient http;
    private final MinioClient client;
    private final String bucket;
    private final String prefix;

    /** Connects and creates the bucket if it is missing, so a misconfigured endpoint fails at start. */
    public S3BlobStore(BlobStorageProperties.S3 settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        if (!settings.isConfigured()) {
            throw new IllegalArgumentException("no S3 endpoint configured");
        }
        this.bucket = settings.bucket();
        this.prefix = settings.prefix();
        this.http = HttpUtils.newDefaultHttpClient(TIMEOUT_MILLIS, TIMEOUT_MILLIS, TIMEOUT_MILLIS).newBuilder()
                .socketFactory(new NoDelaySocketFactory())
                .build();
        try {
            MinioClient.Builder builder = MinioClient.builder()
                    .endpoint(settings.endpoint())
                    .httpClient(http, false);
            if (settings.accessKey() != null) {
                builder.credentials(settings.accessKey(), settings.secretKey());
            }
            if (settings.region() != null) {
                builder.region(settings.region());
            }
            this.client = builder.build();
            createBucketIfMissing(settings.region());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Always uploads, even when the blob exists: a PutObject is the only way S3 offers to refresh
     * Last-Modified, which keeps a just-referenced blob inside garbage collection's grace period. Parts
     * are as large as S3 allows, so anything up to 5 GiB is one PutObject; the client reads parts
     * straight from the file, never buffering them in memory.
     */
    @Override
    public void put(ContentHash hash, Path stagedFile) throws IOException {
        try {
            long size = Files.size(stagedFile);
            long partSize = Math.max(MIN_PART_SIZE, Math.min(size, MAX_PART_SIZE));
            call(() -> client.uploadObject(UploadObjectArgs.builder()
                    .bucket(bucket)
                    .object(key(hash))
                    .filename(stagedFile.toString(), partSize)
                    .contentType("application/octet-stream")
                    .build()));
        } finally {
            Files.deleteIfExists(stagedFile);
        }
    }

    @Override
    public InputStream open(ContentHash hash) throws IOException {
        try {
            return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key(hash)).build()));
        } catch (S3Failure e) {
            throw isMissingObject(e.getCause()) ? new NoSuchBlobException(hash, e.getCause()) : e;
        }
    }

    @Override
    public boolean exists(ContentHash hash) throws IOException {
        try {
            call(() -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key(hash)).build()));
            return true;
        } catch (S3Failure e) {
            if (isMissingObject(e.getCause())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(ContentHash hash) throws IOException {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key(hash)).build());
            return null;
        });
    }

    /**
     * The client fetches one listing page (up to 1000 keys) at a time as the iteration advances.
     * Keys that are not {@code <prefix><hash>} are skipped: directory markers ({@code blobs/}, size 0),
     * which S3Proxy's filesystem backend lists, and anything else sharing the bucket.
     */
    @Override
    public void forEach(Consumer<StoredBlob> action) throws IOException {
        Iterable<Result<Item>> listing = client.listObjects(ListObjectsArgs.builder()
                .bucket(bucket)
                .prefix(prefix)
                .recursive(true)
                .build());
        for (Result<Item> result : listing) {
            Item item = call(result::get);
            String key = item.objectName();
            if (item.isDir() || key.endsWith("/") || !key.startsWith(prefix)) {
                continue;
            }
            String name = key.substring(prefix.length());
            if (HASH.matcher(name).matches()) {
                // A listing without a date would otherwise look ancient to garbage collection.
                Instant lastModified = item.lastModified() != null ? item.lastModified().toInstant() : Instant.now();
                action.accept(new StoredBlob(new ContentHash(name), item.size(), lastModified));
            }
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private String key(ContentHash hash) {
        return prefix + hash.sha256();
    }

    private void createBucketIfMissing(String region) throws IOException {
        if (call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))) {
            return;
        }
        try {
            call(() -> {
                MakeBucketArgs.Builder args = MakeBucketArgs.builder().bucket(bucket);
                if (region != null) {
                    args.region(region);
                }
                client.makeBucket(args.build());
                return null;
            });
        } catch (S3Failure e) {
            // Another node starting at the same moment created it first.
            if (!(e.getCause() instanceof ErrorResponseException response
                    && BUCKET_PRESENT_CODES.contains(response.errorResponse().code()))) {
                throw e;
            }
        }
    }

    private static boolean isMissingObject(Throwable failure) {
        return failure instanceof ErrorResponseException response
                && MISSING_OBJECT_CODES.contains(response.errorResponse().code());
    }

    private static <T> T call(S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (MinioException | GeneralSecurityException e) {
            throw new S3Failure(e);
        }
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws MinioException, GeneralSecurityException, IOException;
    }

    /** Keeps the client's checked exceptions out of the {@link BlobStore} contract. */
    private static final class S3Failure extends IOException {
        S3Failure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
