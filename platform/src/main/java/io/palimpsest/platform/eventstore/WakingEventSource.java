package io.palimpsest.platform.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the streaming processors read it, with one addition: their streams tell them when
 * new events can be read.
 *
 * <p>A pooled streaming processor whose stream cannot call it back polls every 500 ms, and Axon's
 * embedded event store offers no callback; so every projection trailed the writes by up to half a
 * second. Here one daemon thread tails the store (it shares the store's cache of recent events with the
 * processors, so it costs no extra read) and, each time new events arrive, calls back every open stream.
 * A callback only schedules the processor's coordinator, which then reads from its own stream; a
 * spurious call does no harm. Events appended by other processes reach the tail as soon as the store's
 * producer fetches them.
 *
 * <p>The tail waits a short delay after the first new event before it wakes anyone, so that under load
 * the processors take the events that arrived meanwhile in one batch (one read-model write, one token
 * update) instead of one batch per event. The delay stays at its shortest while writes are sparse and
 * grows, up to its longest, while they are heavy ({@link GatheringDelay}); it bounds what this adds to
 * the projections' lag.
 * An observer may watch every event the tail reads (the single writer's {@link AggregateHeads} do).
 */
public final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);

    private final EventStore store;
    private final GatheringDelay delay;
    private final Consumer<? super TrackedEventMessage<?>> observer;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Object lifecycle = new Object();
    private Thread tail;
    private volatile boolean closed;

    public WakingEventSource(EventStore store, Duration shortestDelay, Duration longestDelay) {
        this(store, shortestDelay, longestDelay, event -> { });
    }

    /**
     * As {@link #WakingEventSource(EventStore, Duration, Duration)}, showing {@code observer} every event the
     * tail reads.
     */
    public WakingEventSource(EventStore store, Duration shortestDelay, Duration longestDelay,
                             Consumer<? super TrackedEventMessage<?>> observer) {
        this.store = store;
        this.delay = new GatheringDelay(shortestDelay, longestDelay);
        this.observer = observer;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** Stops the tailing thread; open streams then fall back to polling. */
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            if (tail != null) {
                tail.interrupt();
            }
        }
    }

    private void startTailing() {
        synchronized (lifecycle) {
            if (tail != null || closed) {
                return;
            }
            tail = new Thread(this::tailStore, "event-store-tail");
            tail.setDaemon(true);
            tail.start();
        }
    }

    private void tailStore() {
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(store.createHeadToken())) {
                // events appended before the tail opened are behind its start: wake everyone once for them
                callbacks.forEach(WakingEventSource::call);
                while (!closed) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        Thread.sleep(delay.millis());
                        int gathered = 0;
                        do {
                            observer.accept(stream.nextAvailable());
                            gathered++;
                        } while (stream.hasNextAvailable());
                        delay.gathered(gathered);
                        callbacks.forEach(WakingEventSource::call);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Tailing the event store failed; processors poll until it resumes", e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1_000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A processor's wake-up callback failed", e);
        }
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            startTailing();
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
