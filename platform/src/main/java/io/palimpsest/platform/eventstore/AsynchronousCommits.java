package io.palimpsest.platform.eventstore;

import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Transactions for projection batches that PostgreSQL commits without waiting for its write-ahead log
 * to reach the disk ({@code SET LOCAL synchronous_commit TO OFF}). What such a batch writes to
 * PostgreSQL is its processor's progress: the token and the segment claims. Should the database
 * crash before its WAL writer flushes them (within {@code wal_writer_delay}, 200 ms by default), the
 * token falls back and the projection handles those events again, which every projection is built to
 * do (each document records the sequence it reflects). A crash of this process alone loses nothing:
 * the commit is in PostgreSQL's memory and reaches the disk on its own.
 *
 * <p>Events, and everything a command writes, keep synchronous commits. Only read-model processors may
 * use this: a processor with effects outside its read model (sending commands, calling out) must not
 * see events twice without knowing it.
 *
 * <p>Why: under upload load each projection batch was a WAL flush of its own, one to three per upload,
 * and every event commit queued behind them (async-profiler, 16 KiB uploads one at a time: 1.4 ms of
 * an upload's 4 ms in the server waiting for its commit, against 0.3 ms for the commit alone).
 */
public final class AsynchronousCommits implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    public AsynchronousCommits(PlatformTransactionManager transactions, DataSource dataSource) {
        this.transactions = new SpringTransactionManager(transactions);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            // runs on the transaction's connection, and lasts until its commit or rollback
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (RuntimeException e) {
            try {
                transaction.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        return transaction;
    }
}
