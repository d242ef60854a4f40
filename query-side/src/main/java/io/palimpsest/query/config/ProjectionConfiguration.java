package io.palimpsest.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.palimpsest.platform.eventstore.AsynchronousCommits;
import io.palimpsest.platform.eventstore.WakingEventSource;
import io.palimpsest.query.files.VersionHistoryProjection;
import io.palimpsest.query.jobs.FolderJobProjection;
import io.palimpsest.query.metadata.CustomMetadataFieldProjection;
import io.palimpsest.query.search.IndexDocuments;
import io.palimpsest.query.search.SearchIndex;
import io.palimpsest.query.search.SearchIndexConfiguration;
import io.palimpsest.query.search.SearchIndexProperties;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The read side's projections: pooled streaming processors, each a named processing group, with
 * batches large enough that a rebuild from the event store is fast. They read the event store through
 * {@link WakingEventSource}, which wakes them as soon as events are appended instead of every 500 ms.
 *
 * <p>Segments: each segment with events in a wake-up processes them as a batch of its own (a MongoDB read
 * and bulk write, and a token update committed to PostgreSQL), so the fewer segments, the more events a
 * batch holds under load. The version history gets {@code palimpsest.projections.segments} (Axon's default
 * of 16 made a batch of about one event at 250 uploads/s); query-side nodes of a distributed deployment
 * share its segments, so it should be at least their number. The low-volume projections get one. The
 * count applies when a processor first starts (an existing deployment keeps its tokens).
 *
 * <p>The processors whose tokens live in PostgreSQL commit them asynchronously ({@link AsynchronousCommits}):
 * a token lost in a database crash only means events handled again, and the event commits no longer
 * queue behind a WAL flush per projection batch.
 */
@org.springframework.context.annotation.Configuration
@EnableConfigurationProperties(SearchIndexProperties.class)
public class ProjectionConfiguration {

    static final int VERSION_HISTORY_BATCH_SIZE = 100;
    static final int CUSTOM_METADATA_FIELDS_BATCH_SIZE = 100;

    @Bean(destroyMethod = "destroy")
    SearchIndex searchIndex(SearchIndexProperties properties, ObjectMapper json,
                            @Value("${palimpsest.data-dir:./data}") Path dataDir) {
        Path directory = properties.directory() != null ? properties.directory() : dataDir.resolve("search-index");
        return new SearchIndex(directory, new IndexDocuments(json), json);
    }

    @Bean
    ConfigurerModule versionHistoryProcessing(ObjectProvider<WakingEventSource> events,
                                              @Value("${palimpsest.projections.segments:4}") int segments,
                                              PlatformTransactionManager transactions, DataSource dataSource) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(VersionHistoryProjection.PROCESSING_GROUP,
                        config -> events.getObject(),
                        (config, builder) -> builder.batchSize(VERSION_HISTORY_BATCH_SIZE).initialSegmentCount(segments)
                                .transactionManager(new AsynchronousCommits(transactions, dataSource)));
    }

    @Bean
    ConfigurerModule folderJobProcessing(ObjectProvider<WakingEventSource> events,
                                         PlatformTransactionManager transactions, DataSource dataSource) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(FolderJobProjection.PROCESSING_GROUP, config -> events.getObject(),
                        (config, builder) -> builder.batchSize(VERSION_HISTORY_BATCH_SIZE).initialSegmentCount(1)
                                .transactionManager(new AsynchronousCommits(transactions, dataSource)));
    }

    @Bean
    ConfigurerModule customMetadataFieldProcessing(ObjectProvider<WakingEventSource> events,
                                                   PlatformTransactionManager transactions, DataSource dataSource) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(CustomMetadataFieldProjection.PROCESSING_GROUP,
                        config -> events.getObject(),
                        (config, builder) -> builder.batchSize(CUSTOM_METADATA_FIELDS_BATCH_SIZE).initialSegmentCount(1)
                                .transactionManager(new AsynchronousCommits(transactions, dataSource)));
    }

    @Bean
    ConfigurerModule searchIndexProcessing(SearchIndex index, ObjectMapper json, SearchIndexProperties properties,
                                           ObjectProvider<WakingEventSource> events) {
        return SearchIndexConfiguration.processing(index, json, properties.batchSizeOrDefault(), events::getObject);
    }
}
