package io.palimpsest.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.config.ConfigurerModule;

/** The search-index processor: one segment, its position in the index's commit data. */
public final class SearchIndexConfiguration {

    private SearchIndexConfiguration() {
    }

    public static ConfigurerModule processing(SearchIndex index, ObjectMapper json, int batchSize,
                                              Supplier<? extends StreamableMessageSource<TrackedEventMessage<?>>> events) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(SearchIndexProjection.PROCESSING_GROUP, config -> events.get(),
                        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(1))
                .registerTokenStore(SearchIndexProjection.PROCESSING_GROUP,
                        config -> new IndexTokenStore(index, config.serializer(), json));
    }
}
