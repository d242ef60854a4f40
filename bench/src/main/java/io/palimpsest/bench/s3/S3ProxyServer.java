package io.palimpsest.bench.s3;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy on a jclouds filesystem backend as a process of its own, so that the raw PutObject baseline
 * and Palimpsest write to the same server and neither shares a JVM with it.
 *
 * <p>Arguments: {@code <port> <base directory> <access key> <secret key>}. Runs until killed.
 */
public final class S3ProxyServer {

    private S3ProxyServer() {
    }

    public static void main(String[] args) throws Exception {
        // without configuration logback logs everything at DEBUG: tens of megabytes per run
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int port = Integer.parseInt(args[0]);
        Path baseDirectory = Files.createDirectories(Path.of(args[1]));
        Properties overrides = new Properties();
        overrides.setProperty("jclouds.filesystem.basedir", baseDirectory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials("identity", "credential")
                .overrides(overrides)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[2], args[3])
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println("S3Proxy listening on 127.0.0.1:" + port);
    }
}
