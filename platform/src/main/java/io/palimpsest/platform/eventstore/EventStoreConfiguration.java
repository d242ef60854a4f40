package io.palimpsest.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The event store every Palimpsest process shares: Axon's JDBC engine on PostgreSQL with the schema of
 * {@code db/migration} (owned by Flyway, Axon creates no tables), events as JSON, and duplicate
 * (aggregate, sequence) inserts reported as concurrency conflicts so they can be retried.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class},
        after = JacksonAutoConfiguration.class)
public class EventStoreConfiguration {

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** What every streaming processor reads: the event store, waking the processor as events arrive. */
    @Bean(destroyMethod = "close")
    WakingEventSource processorEventSource(EventStore eventStore, AggregateHeads aggregateHeads,
            @Value("${palimpsest.event-processing.wake-up-delay:20ms}") Duration shortestWakeUpDelay,
            @Value("${palimpsest.event-processing.longest-wake-up-delay:80ms}") Duration longestWakeUpDelay) {
        return new WakingEventSource(eventStore, shortestWakeUpDelay, longestWakeUpDelay, aggregateHeads::read);
    }

    /**
     * How far each aggregate's history goes, for reads that reflect acknowledged writes: kept in memory
     * when this process is the event store's only writer ({@code palimpsest.event-store.single-writer},
     * set by the standalone service when it runs its own PostgreSQL), else asked of the store.
     */
    @Bean
    AggregateHeads aggregateHeads(EventStore eventStore,
            @Value("${palimpsest.event-store.single-writer:false}") boolean singleWriter,
            @Value("${palimpsest.event-store.remembered-heads:100000}") long rememberedHeads) {
        return singleWriter ? new SingleWriterHeads(eventStore, rememberedHeads) : AggregateHeads.stored(eventStore);
    }

    /** Commands whose events wait for work beside them (uploads: their blob); see the class. */
    @Bean
    CommitPreconditions commitPreconditions() {
        return new CommitPreconditions();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /**
     * JSON through Spring's ObjectMapper (ISO-8601 instants, unknown properties tolerated so old
     * readers survive added fields); {@code @Revision} on each event names its version.
     */
    @Bean
    @Primary
    Serializer serializer(ObjectMapper objectMapper) {
        return jsonSerializer(objectMapper);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper) {
        return jsonSerializer(objectMapper);
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(ObjectMapper objectMapper) {
        return jsonSerializer(objectMapper);
    }

    private static Serializer jsonSerializer(ObjectMapper objectMapper) {
        return JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
    }
}
