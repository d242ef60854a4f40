package io.palimpsest.platform.eventstore;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far each aggregate's history goes: the sequence number of its last stored event. A read that must
 * reflect every write acknowledged before it began asks this first, then waits for its read model to
 * reach that sequence.
 */
public interface AggregateHeads {

    /** What {@link #head} answers for an aggregate without events. */
    long NO_EVENTS = -1;

    /**
     * The sequence number of the aggregate's last event as of (at least) this call, {@link #NO_EVENTS}
     * if it has none. May ask the event store: blocking.
     */
    long head(String aggregateId);

    /**
     * The same answer when this process knows it without asking anyone (no I/O), else empty. Lets a
     * read skip the event store, and any thread switch, on its fast path.
     */
    OptionalLong knownHead(String aggregateId);

    /** Shown each event this process reads from the store, in store order (by the store's tail). */
    default void read(EventMessage<?> event) {
    }

    /** Heads asked of the event store on every call: right wherever other processes write too. */
    static AggregateHeads stored(EventStore store) {
        return new AggregateHeads() {
            @Override
            public long head(String aggregateId) {
                return store.lastSequenceNumberFor(aggregateId).orElse(NO_EVENTS);
            }

            @Override
            public OptionalLong knownHead(String aggregateId) {
                return OptionalLong.empty();
            }
        };
    }
}
