package io.palimpsest.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SingleWriterHeadsTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final SingleWriterHeads heads = new SingleWriterHeads(store, 1000);

    @AfterEach
    void stop() {
        heads.close();
        store.shutDown();
    }

    @Test
    void anAppendRaisesItsAggregatesHeadOnceCommittedBeforeTheUnitOfWorkEnds() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("file-a", 0), event("file-a", 1), event("file-b", 0));
        unitOfWork.afterCommit(u -> assertThat(heads.knownHead("file-a")).hasValue(1));
        assertThat(heads.knownHead("file-a")).as("not stored yet").isEmpty();

        unitOfWork.commit();

        assertThat(heads.knownHead("file-a")).hasValue(1);
        assertThat(heads.knownHead("file-b")).hasValue(0);
        assertThat(heads.head("file-a")).isEqualTo(1);
    }

    @Test
    void aRolledBackAppendRaisesNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("file-a", 0));
        unitOfWork.rollback();

        assertThat(heads.knownHead("file-a")).isEmpty();
        assertThat(heads.head("file-a")).as("asked of the store").isEqualTo(AggregateHeads.NO_EVENTS);
    }

    @Test
    void aHeadAskedOfTheStoreIsRememberedAndStillRisesWithLaterAppends() {
        heads.close();
        store.publish(event("file-a", 0), event("file-a", 1));
        try (SingleWriterHeads late = new SingleWriterHeads(store, 1000)) {
            assertThat(late.knownHead("file-a")).as("appended before it subscribed").isEmpty();
            assertThat(late.head("file-a")).isEqualTo(1);
            assertThat(late.knownHead("file-a")).hasValue(1);

            assertThat(late.head("file-new")).isEqualTo(AggregateHeads.NO_EVENTS);
            assertThat(late.knownHead("file-new")).hasValue(AggregateHeads.NO_EVENTS);
            store.publish(event("file-new", 0), event("file-a", 2));
            assertThat(late.knownHead("file-new")).hasValue(0);
            assertThat(late.knownHead("file-a")).hasValue(2);
        }
    }

    @Test
    void eventsReadFromTheStoresTailRaiseHeads() {
        heads.read(event("file-imported", 3));
        heads.read(event("file-imported", 2));

        assertThat(heads.knownHead("file-imported")).hasValue(3);
    }

    @Test
    void forgottenHeadsAreAskedOfTheStoreAgain() {
        try (SingleWriterHeads small = new SingleWriterHeads(store, 1)) {
            for (int i = 0; i < 50; i++) {
                store.publish(event("file-" + i, 0));
            }
            small.knownHead("file-0"); // Caffeine evicts asynchronously; reads settle it
            assertThat(small.head("file-0")).isEqualTo(0);
            assertThat(small.head("file-unknown")).isEqualTo(AggregateHeads.NO_EVENTS);
        }
    }

    @Test
    void storedHeadsAlwaysAskTheStore() {
        AggregateHeads stored = AggregateHeads.stored(store);
        store.publish(event("file-a", 0));
        assertThat(stored.knownHead("file-a")).isEqualTo(OptionalLong.empty());
        assertThat(stored.head("file-a")).isEqualTo(0);
        assertThat(stored.head("file-b")).isEqualTo(AggregateHeads.NO_EVENTS);
    }

    private static GenericDomainEventMessage<String> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("File", aggregateId, sequence, "event " + sequence);
    }
}
