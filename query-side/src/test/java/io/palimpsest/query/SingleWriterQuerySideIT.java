package io.palimpsest.query;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every test of {@link QuerySideIT} again, with this process as the event store's only writer, as the
 * standalone service runs: reads by id then take aggregate heads from memory and, when the read model has
 * caught up, block no thread. Its context is closed after the class, while the test PostgreSQL still runs.
 */
@DirtiesContext
@TestPropertySource(properties = "palimpsest.event-store.single-writer=true")
class SingleWriterQuerySideIT extends QuerySideIT {
}
