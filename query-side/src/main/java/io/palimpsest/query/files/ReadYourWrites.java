package io.palimpsest.query.files;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

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
        return read(aggregateId, null, load, sequenceOf, fold);
    }

    /**
     * As {@link #read(String, Supplier, ToLongFunction, BiFunction)}, with the first load already
     * started, so that it runs while the event store is asked how far the aggregate goes. That is safe:
     * both began after the read did, and the document is taken only if it reflects the head, whichever
     * answered first; one that does not is loaded again, as always.
     */
    public <T> Optional<T> read(String aggregateId, CompletableFuture<Optional<T>> firstLoad,
                                Supplier<Optional<T>> load, ToLongFunction<T> sequenceOf,
                                BiFunction<T, DomainEventMessage<?>, T> fold) {
        long head = events.lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (head < 0) {
            if (firstLoad != null) {
                firstLoad.cancel(false);
            }
            return Optional.empty();
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<T> document = firstLoad != null ? await(firstLoad) : load.get();
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

    private static <T> T await(CompletableFuture<T> load) {
        try {
            return load.get(LOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the read model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot read the read model", e.getCause());
        } catch (TimeoutException e) {
            load.cancel(false);
            throw new IllegalStateException("the read model did not answer within " + LOAD_TIMEOUT, e);
        }
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
