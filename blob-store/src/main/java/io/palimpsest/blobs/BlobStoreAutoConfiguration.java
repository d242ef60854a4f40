package io.palimpsest.blobs;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Chooses the blob store by configuration alone: S3 when {@code palimpsest.storage.s3.endpoint} has a
 * value, the local filesystem otherwise. An empty endpoint counts as unset, so a deployment template
 * that passes an empty variable still gets the local store.
 */
@AutoConfiguration
@EnableConfigurationProperties(BlobStorageProperties.class)
public class BlobStoreAutoConfiguration {

    static final String DATA_DIR_PROPERTY = "palimpsest.data-dir";
    static final String DEFAULT_DATA_DIR = "./data";
    static final String S3_ENDPOINT_PROPERTY = "palimpsest.storage.s3.endpoint";

    @Bean
    @ConditionalOnMissingBean
    Staging staging(BlobStorageProperties properties, Environment environment) throws IOException {
        return new Staging(properties.stagingDirectory(dataDirectory(environment)));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnS3Endpoint.class)
    static class S3 {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(BlobStore.class)
        S3BlobStore blobStore(BlobStorageProperties properties) throws IOException {
            return new S3BlobStore(properties.s3());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnNoS3Endpoint.class)
    static class Local {

        @Bean
        @ConditionalOnMissingBean(BlobStore.class)
        LocalBlobStore blobStore(BlobStorageProperties properties, Environment environment) throws IOException {
            return new LocalBlobStore(properties.blobDirectory(dataDirectory(environment)));
        }
    }

    private static Path dataDirectory(Environment environment) {
        return Path.of(environment.getProperty(DATA_DIR_PROPERTY, DEFAULT_DATA_DIR));
    }

    static final class OnS3Endpoint extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty(S3_ENDPOINT_PROPERTY))
                    ? ConditionOutcome.match(S3_ENDPOINT_PROPERTY + " is set")
                    : ConditionOutcome.noMatch(S3_ENDPOINT_PROPERTY + " is not set");
        }
    }

    static final class OnNoS3Endpoint extends NoneNestedConditions {

        OnNoS3Endpoint() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(OnS3Endpoint.class)
        static final class S3EndpointSet {
        }
    }
}
