package io.palimpsest.query.files;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads by id that reflect every write acknowledged before the read began: the event store says how
 * far an aggregate's history goes, and the read waits (bounded) until the read model has caught up.
 * If it has not by then (a node catching up after a restart), the answer is folded from the
 * aggregate's own events, the same fold the projection runs, so it is never older than the write.
 * Blocking: call it off the event loop.
 */
@Component
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(5);

    private final EventStore events;
    private final Duration maxWait;

    ReadYourWrites(EventStore events, @Value("${palimpsest.query.read-your-writes-timeout:PT2S}") Duration maxWait) {
        this.events = events;
        this.maxWait = maxWait;
    }

    /**
     * The document of an aggregate once it reflects the aggregate's last event; empty when the
     * aggregate has no events at all.
     */
    public <T> Optional<T> read(String aggregateId, Supplier<Optional<T>> load, ToLongFunction<T> sequenceOf,
                                BiFunction<T, DomainEventMessage<?>, T> fold) {
        long head = events.lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (head < 0) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<T> document = load.get();
        while ((document.isEmpty() || sequenceOf.applyAsLong(document.get()) < head) && System.nanoTime() < deadline) {
            sleep();
            document = load.get();
        }
        if (document.isPresent() && sequenceOf.applyAsLong(document.get()) >= head) {
            return document;
        }
        T folded = document.orElse(null);
        long from = document.map(d -> sequenceOf.applyAsLong(d) + 1).orElse(0L);
        // from a sequence number, the event store reads events only (no snapshot of the write side)
        DomainEventStream stream = events.readEvents(aggregateId, from);
        while (stream.hasNext()) {
            folded = fold.apply(folded, stream.next());
        }
        return Optional.ofNullable(folded);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }
}
