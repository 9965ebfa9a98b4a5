package io.planscore.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Runs one poll's transaction of a Kafka consumer, and runs it again after a transient failure (a database
 * blip, a lock or statement timeout, a serialization failure or deadlock, a broker timeout), with exponential
 * backoff and jitter. Each attempt is a transaction of its own: the {@code @Transactional} work must sit in
 * another bean, called from here, so that a rolled-back attempt never leaks into the next one.
 *
 * <p>What fails deterministically (a malformed event, a {@code ProblemException}, any failure not known to be
 * transient) is not retried: it reaches the connector at once and is dead-lettered with its reason. A transient
 * failure that outlasts the retries is dead-lettered as {@link TransientFailureException}. Once the service
 * began to stop ({@link ConsumerShutdown}), nothing is retried: the failure is redelivered after the restart.
 *
 * <p>The bounds are MP Fault Tolerance settings, e.g.
 * {@code io.planscore.platform.events.ConsumerRetry/run/Retry/maxRetries=5} (see README, "Configuration").
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    private final ConsumerShutdown shutdown;

    public ConsumerRetry(ConsumerShutdown shutdown) {
        this.shutdown = shutdown;
    }

    /** Runs {@code transaction} (a call into a {@code @Transactional} bean) for the records of {@code channel}. */
    @Retry(maxRetries = 5, delay = 200, jitter = 100, maxDuration = 120_000,
            retryOn = TransientFailureException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    public void run(String channel, Runnable transaction) {
        try {
            transaction.run();
        } catch (RuntimeException e) {
            if (shutdown.stopping() || !TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.warnf("Channel %s: a transient failure, the poll is tried again after a backoff: %s", channel,
                    TransientFailures.describe(e));
            throw new TransientFailureException(channel, e);
        }
    }
}
