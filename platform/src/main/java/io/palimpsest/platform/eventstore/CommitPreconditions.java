package io.palimpsest.platform.eventstore;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a command's events wait, before they are appended, for work that runs beside the command. An
 * upload hands its blob's storing to another thread and sends its command at once: the command loads
 * the file and applies its rules while the blob's bytes reach the disk, and only the append (and so the
 * commit) waits for them. So an event never becomes durable before the bytes it names.
 *
 * <p>It waits before the append, not just before the commit: the append takes the event's
 * {@code global_index}, and a long wait after it would leave a gap in the stream that tracking
 * processors might stop waiting for (Axon gives up on a gap after 10,000 later events or a minute).
 *
 * <p>A precondition holds for the commands its thread handles inside {@link #awaiting}: commands are
 * handled on the thread that sends them (the command bus is local; every command-side node handles
 * the commands it receives). Should the precondition fail, the unit of work rolls back and the
 * failure is the command's. Registered on the command bus as a handler interceptor (Axon's Spring Boot
 * support registers every such bean).
 */
public final class CommitPreconditions implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final ThreadLocal<CompletableFuture<?>> PENDING = new ThreadLocal<>();

    /** Runs {@code action}; every command it handles on this thread appends its events after {@code precondition}. */
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

    /**
     * Registers the wait as the unit of work's first prepare-commit step: it runs before the event bus's
     * own, which appends the events and is registered only when the handler publishes its first event.
     */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CompletableFuture<?> precondition = PENDING.get();
        if (precondition != null) {
            unitOfWork.onPrepareCommit(u -> join(precondition));
        }
        return interceptorChain.proceed();
    }

    /** Waits for a precondition; its failure is thrown as itself when unchecked. */
    public static void join(CompletableFuture<?> precondition) {
        try {
            precondition.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }
}
