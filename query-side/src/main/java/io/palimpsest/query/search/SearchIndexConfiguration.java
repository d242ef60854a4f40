package io.palimpsest.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;

/** The search-index processor: one segment, its position in the index's commit data. */
public final class SearchIndexConfiguration {

    private SearchIndexConfiguration() {
    }

    public static ConfigurerModule processing(SearchIndex index, ObjectMapper json, int batchSize) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(SearchIndexProjection.PROCESSING_GROUP, Configuration::eventStore,
                        (config, builder) -> builder.batchSize(batchSize).initialSegmentCount(1))
                .registerTokenStore(SearchIndexProjection.PROCESSING_GROUP,
                        config -> new IndexTokenStore(index, config.serializer(), json));
    }
}
