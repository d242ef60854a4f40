package io.palimpsest.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

class CommitPreconditionsTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final CommitPreconditions transactions = new CommitPreconditions(new LoggingTransactions());

    @Test
    void aCommitWaitsForThePrecondition() throws Exception {
        CompletableFuture<Void> blob = new CompletableFuture<>();
        CompletableFuture<Void> command = CompletableFuture.runAsync(() -> CommitPreconditions.awaiting(blob, () -> {
            Transaction transaction = transactions.startTransaction();
            log.add("inserted");
            transaction.commit();
            return null;
        }));

        assertThat(command).failsWithin(200, TimeUnit.MILLISECONDS);
        assertThat(log).containsExactly("started", "inserted");
        log.add("blob stored");
        blob.complete(null);
        command.get(5, TimeUnit.SECONDS);
        assertThat(log).containsExactly("started", "inserted", "blob stored", "committed");
    }

    @Test
    void transactionsInsideTheOutermostOneDoNotWait() throws Exception {
        CompletableFuture<Void> blob = new CompletableFuture<>();
        CompletableFuture<Void> command = CompletableFuture.runAsync(() -> CommitPreconditions.awaiting(blob, () -> {
            Transaction unitOfWork = transactions.startTransaction();
            Transaction eventStoreRead = transactions.startTransaction();
            eventStoreRead.commit();
            log.add("loaded");
            unitOfWork.commit();
            return null;
        }));

        assertThat(command).failsWithin(200, TimeUnit.MILLISECONDS);
        assertThat(log).containsExactly("started", "started", "committed", "loaded");
        blob.complete(null);
        command.get(5, TimeUnit.SECONDS);
        assertThat(log).containsExactly("started", "started", "committed", "loaded", "committed");
    }

    @Test
    void aFailedPreconditionFailsTheCommitWithItsCause() {
        CompletableFuture<Void> blob = CompletableFuture.failedFuture(new UncheckedIOException("disk full", new IOException("no space left")));

        assertThatThrownBy(() -> CommitPreconditions.awaiting(blob, () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                transaction.commit();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return null;
        })).isInstanceOf(UncheckedIOException.class).hasMessage("disk full");
        assertThat(log).containsExactly("started", "rolled back");
    }

    @Test
    void transactionsOutsideAreNotHeld() {
        CompletableFuture<Void> never = new CompletableFuture<>();
        CommitPreconditions.awaiting(never, () -> "sent");

        Transaction transaction = transactions.startTransaction();
        transaction.commit();

        assertThat(log).containsExactly("started", "committed");
    }

    @Test
    void nestedPreconditionsAreAllAwaitedAndTheOuterOneRestored() {
        CompletableFuture<Void> outer = new CompletableFuture<>();
        CompletableFuture<Void> inner = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> commitsInside = CompletableFuture.runAsync(() -> CommitPreconditions.awaiting(outer, () -> {
            CommitPreconditions.awaiting(inner, () -> "nested");
            transactions.startTransaction().commit();
            return null;
        }));

        assertThat(commitsInside).failsWithin(200, TimeUnit.MILLISECONDS);
        outer.complete(null);
        assertThat(commitsInside).succeedsWithin(5, TimeUnit.SECONDS);
    }

    private final class LoggingTransactions implements TransactionManager {

        @Override
        public Transaction startTransaction() {
            log.add("started");
            return new Transaction() {
                @Override
                public void commit() {
                    log.add("committed");
                }

                @Override
                public void rollback() {
                    log.add("rolled back");
                }
            };
        }
    }
}
