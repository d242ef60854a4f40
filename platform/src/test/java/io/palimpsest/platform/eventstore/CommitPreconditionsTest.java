package io.palimpsest.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On Axon's own command bus, unit of work and event store: the append waits for the precondition. */
class CommitPreconditionsTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore handled = new Semaphore(0);
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine() {
                @Override
                public void appendEvents(List<? extends EventMessage<?>> appended) {
                    log.add("appended");
                    super.appendEvents(appended);
                }
            })
            .build();
    private final CommandGateway commands;

    CommitPreconditionsTest() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new CommitPreconditions());
        bus.subscribe(String.class.getName(), command -> {
            log.add("handled");
            events.publish(GenericEventMessage.asEventMessage("stored " + command.getPayload()));
            handled.release();
            return null;
        });
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void stop() {
        events.shutDown();
    }

    @Test
    void theEventsAreAppendedOnlyOnceThePreconditionHolds() throws Exception {
        CompletableFuture<Void> blob = new CompletableFuture<>();
        CompletableFuture<Object> command = CompletableFuture.supplyAsync(
                () -> CommitPreconditions.awaiting(blob, () -> commands.sendAndWait("upload")));

        assertThat(handled.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(command).failsWithin(200, TimeUnit.MILLISECONDS);
        assertThat(log).containsExactly("handled");

        log.add("blob stored");
        blob.complete(null);
        command.get(5, TimeUnit.SECONDS);
        assertThat(log).containsExactly("handled", "blob stored", "appended");
    }

    @Test
    void aFailedPreconditionRollsTheCommandBackWithItsCause() {
        CompletableFuture<Void> blob = CompletableFuture.failedFuture(
                new UncheckedIOException("disk full", new IOException("no space left")));

        assertThatThrownBy(() -> CommitPreconditions.awaiting(blob, () -> commands.sendAndWait("upload")))
                .isInstanceOf(UncheckedIOException.class).hasMessage("disk full");
        assertThat(log).containsExactly("handled");
    }

    @Test
    void theNextCommandOnTheThreadWaitsAgainAfterAFailure() throws Exception {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("put failed"));
        CompletableFuture<Void> blob = new CompletableFuture<>();
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> {
            try {
                CommitPreconditions.awaiting(failed, () -> commands.sendAndWait("first"));
            } catch (IllegalStateException expected) {
                log.add("first failed");
            }
            return CommitPreconditions.awaiting(blob, () -> commands.sendAndWait("second"));
        });

        assertThat(handled.tryAcquire(2, 5, TimeUnit.SECONDS)).isTrue();
        assertThat(second).failsWithin(200, TimeUnit.MILLISECONDS);
        assertThat(log).containsExactly("handled", "first failed", "handled");
        blob.complete(null);
        second.get(5, TimeUnit.SECONDS);
        assertThat(log).endsWith("appended");
    }

    @Test
    void commandsOutsideAreNotHeld() {
        CommitPreconditions.awaiting(new CompletableFuture<>(), () -> "nothing sent");

        commands.sendAndWait("upload");

        assertThat(log).containsExactly("handled", "appended");
    }

    @Test
    void nestedPreconditionsAreAllAwaited() throws Exception {
        CompletableFuture<Void> outer = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> inner = new CompletableFuture<>();
        CompletableFuture<Object> command = CompletableFuture.supplyAsync(() -> CommitPreconditions.awaiting(outer,
                () -> CommitPreconditions.awaiting(inner, () -> commands.sendAndWait("upload"))));

        assertThat(handled.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(command).failsWithin(200, TimeUnit.MILLISECONDS);
        inner.complete(null);
        command.get(5, TimeUnit.SECONDS);
        assertThat(log).containsExactly("handled", "appended");
    }
}
