package io.palimpsest.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WakingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final WakingEventSource source = new WakingEventSource(store, Duration.ofMillis(20), Duration.ofMillis(80));

    @AfterEach
    void stop() {
        source.close();
        store.shutDown();
    }

    @Test
    void wakesAnOpenStreamWhenEventsAreAppendedAndTheStreamThenReadsThem() throws InterruptedException {
        Semaphore wakeUps = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(wakeUps::release)).isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            assertThat(wakeUps.tryAcquire(10, TimeUnit.SECONDS)).as("woken once as the tail starts").isTrue();
            store.publish(GenericEventMessage.asEventMessage("first"));

            assertThat(wakeUps.tryAcquire(10, TimeUnit.SECONDS)).as("woken by the append").isTrue();
            assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() throws InterruptedException {
        Semaphore openWakeUps = new Semaphore(0);
        Semaphore closedWakeUps = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> open = source.openStream(null)) {
            open.setOnAvailableCallback(openWakeUps::release);
            assertThat(openWakeUps.tryAcquire(10, TimeUnit.SECONDS)).as("woken once as the tail starts").isTrue();
            BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
            closed.setOnAvailableCallback(closedWakeUps::release);
            closed.close();

            store.publish(GenericEventMessage.asEventMessage("event"));

            assertThat(openWakeUps.tryAcquire(10, TimeUnit.SECONDS)).as("woken by the append").isTrue();
            assertThat(closedWakeUps.availablePermits()).isZero();
        }
    }

    @Test
    void showsItsObserverEveryEventTheTailReads() throws InterruptedException {
        BlockingQueue<Object> observed = new LinkedBlockingQueue<>();
        WakingEventSource observing = new WakingEventSource(store, Duration.ofMillis(20), Duration.ofMillis(80),
                event -> observed.add(event.getPayload()));
        Semaphore wakeUps = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = observing.openStream(null)) {
            stream.setOnAvailableCallback(wakeUps::release);
            assertThat(wakeUps.tryAcquire(10, TimeUnit.SECONDS)).as("woken once as the tail starts").isTrue();

            store.publish(GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second"));

            assertThat(List.of(observed.poll(10, TimeUnit.SECONDS), observed.poll(10, TimeUnit.SECONDS)))
                    .containsExactly("first", "second");
        } finally {
            observing.close();
        }
    }

    @Test
    void tokensComeFromTheStore() {
        store.publish(GenericEventMessage.asEventMessage("event"));

        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(source.createTailToken()).isEqualTo(store.createTailToken());
    }
}
