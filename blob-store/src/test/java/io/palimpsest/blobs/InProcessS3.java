package io.palimpsest.blobs;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3Proxy in this JVM on a jclouds filesystem backend: a real S3 server speaking the real protocol,
 * on a port the operating system picks, so parallel builds never collide.
 */
public final class InProcessS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "palimpsest-test";
    public static final String SECRET_KEY = "palimpsest-test-secret";

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final Path baseDirectory;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private InProcessS3(Path baseDirectory) throws Exception {
        this.baseDirectory = baseDirectory;
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", baseDirectory.toString());
        this.context = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        this.proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    public static InProcessS3 start(Path baseDirectory) throws Exception {
        return new InProcessS3(baseDirectory);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Settings for a bucket no other test has used, so tests never see each other's blobs. */
    public BlobStorageProperties.S3 freshBucket() {
        return new BlobStorageProperties.S3(endpoint(), ACCESS_KEY, SECRET_KEY,
                "bucket-" + BUCKETS.incrementAndGet(), null, null);
    }

    /** Where the filesystem backend keeps an object, to inspect or age it behind S3's back. */
    Path fileOf(BlobStorageProperties.S3 settings, String key) {
        return baseDirectory.resolve(settings.bucket()).resolve(key);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
