package io.palimpsest.command.files.upload;

import io.palimpsest.blobs.BlobStorageProperties;
import io.palimpsest.blobs.InProcessS3;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Uploads with bytes in S3 (S3Proxy in this JVM, a real S3 server on a free port). */
class S3StorageUploadIT extends UploadBehaviour {

    private static InProcessS3 s3;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        s3 = InProcessS3.start(Files.createTempDirectory("s3proxy"));
        BlobStorageProperties.S3 bucket = s3.freshBucket();
        registry.add("palimpsest.storage.s3.endpoint", bucket::endpoint);
        registry.add("palimpsest.storage.s3.access-key", bucket::accessKey);
        registry.add("palimpsest.storage.s3.secret-key", bucket::secretKey);
        registry.add("palimpsest.storage.s3.bucket", bucket::bucket);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }
}
