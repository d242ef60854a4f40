package io.palimpsest.query.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code palimpsest.search.*}: where this node keeps its index (default
 * {@code <data-dir>/search-index}) and how many events a projection batch holds.
 */
@ConfigurationProperties(prefix = "palimpsest.search")
public record SearchIndexProperties(Path directory, Integer batchSize) {

    public int batchSizeOrDefault() {
        return batchSize == null ? 1000 : batchSize;
    }
}
