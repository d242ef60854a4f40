package io.palimpsest.platform.eventstore;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon's transactions, able to wait before they commit for work that runs beside them. An upload hands
 * its blob's storing to another thread and sends its command at once; the command loads the file,
 * applies its rules and inserts its event while the blob's bytes reach the disk, and only the commit
 * waits for them. So an event never becomes durable before the bytes it names, and the upload pays
 * for the slower of the two rather than for both.
 *
 * <p>A precondition holds for the outermost transaction its thread commits inside {@link #awaiting}
 * (the ones opened inside it join it, so their commits are not real and do not wait): commands
 * are handled on the thread that sends them (the command bus is local; every command-side node handles
 * the commands it receives). Should the precondition fail, the transaction rolls back instead and the
 * failure is the command's. Other threads' transactions are not touched.
 */
public final class CommitPreconditions implements TransactionManager {

    private static final ThreadLocal<CompletableFuture<?>> PENDING = new ThreadLocal<>();
    /** How many of this thread's transactions are open, so that only the outermost one waits. */
    private static final ThreadLocal<int[]> OPEN = ThreadLocal.withInitial(() -> new int[1]);

    private final TransactionManager transactions;

    public CommitPreconditions(TransactionManager transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code action}; every transaction it commits on this thread first waits for {@code precondition}. */
    public static <T> T awaiting(CompletableFuture<?> precondition, Supplier<T> action) {
        CompletableFuture<?> outer = PENDING.get();
        PENDING.set(outer == null ? precondition : CompletableFuture.allOf(outer, precondition));
        try {
            return action.get();
        } finally {
            if (outer == null) {
                PENDING.remove();
            } else {
                PENDING.set(outer);
            }
        }
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        int[] depth = OPEN.get();
        depth[0]++;
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    // only the outermost transaction commits for real; the ones inside it (the event
                    // store's reads and appends) join it and must not wait
                    if (depth[0] == 1) {
                        awaitPrecondition();
                    }
                    transaction.commit();
                } finally {
                    depth[0]--;
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    depth[0]--;
                }
            }
        };
    }

    private static void awaitPrecondition() {
        CompletableFuture<?> precondition = PENDING.get();
        if (precondition != null) {
            try {
                precondition.join();
            } catch (CompletionException e) {
                // Axon rolls the unit of work back when its commit fails
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
    }
}
