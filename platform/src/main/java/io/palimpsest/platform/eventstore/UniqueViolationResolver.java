package io.palimpsest.platform.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique-violation (SQLState 23505) anywhere in the cause chain. Axon's
 * default resolver misses it on PostgreSQL, so two writers appending the same aggregate sequence
 * would get an EventStoreException (a 500) instead of a ConcurrencyException that is retried.
 */
class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
