package io.planscore.platform.events;

/**
 * A consumer's poll failed for a reason that may pass ({@link TransientFailures}): {@link ConsumerRetry} tries it
 * again. If every retry fails too, this is what the record is dead-lettered with: its message is the
 * {@code dead-letter-reason}, the original failure's the {@code dead-letter-cause}.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String channel, Throwable cause) {
        super("Transient failure on channel " + channel + " that outlasted every retry: "
                + TransientFailures.describe(cause), cause);
    }
}
