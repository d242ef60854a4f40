package io.palimpsest.query.files;

import io.palimpsest.platform.eventstore.AggregateHeads;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads by id that reflect every write acknowledged before the read began: the event store says how
 * far an aggregate's history goes, and the read waits (bounded) until the read model has caught up.
 * If it has not by then (a node catching up after a restart), the answer is folded from the
 * aggregate's own events, the same fold the projection runs, so it is never older than the write.
 * {@link #read} blocks: call it off the event loop; {@link #readLater} blocks nothing while the head is
 * known in memory and the read model has caught up (the standalone service's usual case).
 */
@Component
public class ReadYourWrites {

    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final EventStore events;
    private final AggregateHeads heads;
    private final Duration maxWait;

    ReadYourWrites(EventStore events, AggregateHeads heads,
                   @Value("${palimpsest.query.read-your-writes-timeout:PT2S}") Duration maxWait) {
        this.events = events;
        this.heads = heads;
        this.maxWait = maxWait;
    }

    /**
     * As {@link #read(String, CompletableFuture, Supplier, ToLongFunction, BiFunction)}, as a {@link Mono}
     * that blocks no thread when the aggregate's head is {@linkplain AggregateHeads#knownHead known} and the
     * first load already reflects it: the answer then comes on the read model driver's thread. Otherwise
     * the blocking read runs on the bounded elastic scheduler.
     */
    public <T> Mono<Optional<T>> readLater(String aggregateId, Supplier<CompletableFuture<Optional<T>>> loadAsync,
                                           Supplier<Optional<T>> load, ToLongFunction<T> sequenceOf,
                                           BiFunction<T, DomainEventMessage<?>, T> fold) {
        OptionalLong known = heads.knownHead(aggregateId);
        if (known.isEmpty()) {
            return blocking(() -> read(aggregateId, loadAsync.get(), load, sequenceOf, fold));
        }
        long head = known.getAsLong();
        if (head == AggregateHeads.NO_EVENTS) {
            return Mono.just(Optional.empty());
        }
        return Mono.fromFuture(loadAsync).flatMap(document ->
                document.isPresent() && sequenceOf.applyAsLong(document.get()) >= head
                        ? Mono.just(document)
                        : blocking(() -> read(aggregateId, load, sequenceOf, fold)));
    }

    private static <T> Mono<T> blocking(Supplier<T> read) {
        return Mono.fromSupplier(read).subscribeOn(Schedulers.boundedElastic());
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
        long head = heads.head(aggregateId);
        if (head == AggregateHeads.NO_EVENTS) {
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
