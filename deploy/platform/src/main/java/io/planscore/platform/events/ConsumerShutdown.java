package io.planscore.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.DemandPauser;
import io.smallrye.reactive.messaging.PublisherDecorator;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stops the consumers of every incoming Kafka channel first when the service stops gracefully (SIGTERM,
 * Ctrl-C, a rolling update), so that a stop never dead-letters a record.
 *
 * <p>Why: Quarkus closes Hibernate and the datasource in its shutdown tasks, while SmallRye closes the Kafka
 * connector only when the CDI container is destroyed, after them. Records kept reaching the
 * {@code @Transactional} consumers, failed with "EntityManagerFactory is closed", and the
 * {@code dead-letter-queue} strategy wrote them to {@code <topic>.dlq.<consumer>} and committed them.
 * {@link ShutdownEvent} is observed before those tasks run: here the channels stop handing out records and
 * the records already handed out finish while the database is still there. A record never handed out is never
 * acknowledged, so its offset stays uncommitted and it is redelivered after the restart (the inbox deduplicates).
 *
 * <p>A record that still fails while stopping (it outlived {@code planscore.consumers.drain-timeout}) is not
 * reported to the connector either: neither dead-lettered nor committed, it is redelivered too. Failures
 * before the stop are retried ({@link ConsumerRetry}) and then go to the dead-letter topic as always; a retry
 * is not attempted once the stop began.
 */
@ApplicationScoped
public class ConsumerShutdown implements PublisherDecorator {

    private static final Logger LOG = Logger.getLogger(ConsumerShutdown.class);

    private final Duration drainTimeout;
    private final List<DemandPauser> channels = new CopyOnWriteArrayList<>();
    /** Records handed to a consumer method and not yet acknowledged or refused. Guarded by {@code this}. */
    private int inFlight;
    private boolean stopping;

    public ConsumerShutdown(@ConfigProperty(name = "planscore.consumers.drain-timeout", defaultValue = "PT15S")
                            Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    @Override
    public Multi<? extends Message<?>> decorate(Multi<? extends Message<?>> publisher, List<String> channelName,
                                                boolean isConnector) {
        if (!isConnector) {
            return publisher; // emitters and in-process channels carry nothing to commit
        }
        DemandPauser pauser = new DemandPauser();
        channels.add(pauser);
        return publisher.pauseDemand().using(pauser)
                .select().where(this::admit)
                .map(this::tracked);
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        channels.forEach(DemandPauser::pause);
        synchronized (this) {
            stopping = true;
            LOG.infof("Kafka consumers paused for shutdown; waiting for %d records in process", inFlight);
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            try {
                for (long left = drainTimeout.toMillis(); inFlight > 0 && left > 0;
                     left = (deadline - System.nanoTime()) / 1_000_000) {
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (inFlight > 0) {
                LOG.warnf("%d Kafka records still in process after %s; should they fail now, they stay uncommitted "
                        + "and are redelivered after the restart", inFlight, drainTimeout);
            }
        }
    }

    /** True once the service began to stop: a failure now is redelivered after the restart, not retried here. */
    public synchronized boolean stopping() {
        return stopping;
    }

    /** False for a record emitted while the channel was being paused: left unacknowledged, so uncommitted. */
    private synchronized boolean admit(Message<?> message) {
        if (stopping) {
            return false;
        }
        inFlight++;
        return true;
    }

    private Message<?> tracked(Message<?> message) {
        return message
                .withAckWithMetadata(metadata -> message.ack(metadata).whenComplete((ok, e) -> settled()))
                .withNackWithMetadata((failure, metadata) -> refused(message, failure, metadata));
    }

    private CompletionStage<Void> refused(Message<?> message, Throwable failure, Metadata metadata) {
        synchronized (this) {
            if (stopping) {
                LOG.warnf("A Kafka record failed while the service stops; it is neither dead-lettered nor committed, "
                        + "but redelivered after the restart: %s", failure.toString());
                settled();
                return CompletableFuture.completedFuture(null);
            }
        }
        return message.nack(failure, metadata).whenComplete((ok, e) -> settled());
    }

    private synchronized void settled() {
        inFlight--;
        notifyAll();
    }
}
