package io.palimpsest.platform.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Aggregate heads kept in memory by the one process that writes its event store: the standalone service,
 * whose embedded PostgreSQL no one else writes to (its data directory is locked).
 *
 * <p>Every event this process appends raises its aggregate's head once the transaction that stored it
 * has committed, which is before the command that appended it is answered; so a read that begins after
 * a write was acknowledged finds that write's head here. A head asked of the store is remembered too, and
 * "no events" as well: only this process could add any, and it would raise the head. Heads only ever
 * rise ({@code max}), so a store answer that arrives after a newer append cannot lower one. Events that
 * reach the store other than through this process's appends (rows written straight into it, as the read
 * benchmark loads its library) raise heads as the store's tail {@linkplain #read reads} them; until the
 * tail has read all of them, such a head can be behind the store. At most
 * {@code capacity} heads are remembered (least recently used forgotten); a forgotten one is asked of the
 * store again.
 */
public final class SingleWriterHeads implements AggregateHeads, AutoCloseable {

    private final EventStore store;
    private final Cache<String, Long> heads;
    private final Registration subscription;

    public SingleWriterHeads(EventStore store, long capacity) {
        this.store = store;
        this.heads = Caffeine.newBuilder().maximumSize(capacity).build();
        this.subscription = store.subscribe(this::appended);
    }

    @Override
    public long head(String aggregateId) {
        Long known = heads.getIfPresent(aggregateId);
        if (known != null) {
            return known;
        }
        return raise(aggregateId, store.lastSequenceNumberFor(aggregateId).orElse(NO_EVENTS));
    }

    @Override
    public OptionalLong knownHead(String aggregateId) {
        Long known = heads.getIfPresent(aggregateId);
        return known != null ? OptionalLong.of(known) : OptionalLong.empty();
    }

    @Override
    public void read(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            raise(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
        }
    }

    /** Called while the events are being stored, in the transaction that stores them. */
    private void appended(List<? extends EventMessage<?>> events) {
        Map<String, Long> last = new HashMap<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent) {
                last.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            // rolled back, they were never stored: only a committed append raises a head
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> last.forEach(this::raise));
        } else {
            last.forEach(this::raise);
        }
    }

    private long raise(String aggregateId, long head) {
        return heads.asMap().merge(aggregateId, head, Math::max);
    }

    @Override
    public void close() {
        subscription.cancel();
    }
}
