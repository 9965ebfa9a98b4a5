package io.planscore.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Ships committed outbox messages to Kafka, oldest first, and deletes them once the broker has
 * acknowledged them ({@code acks=all}, idempotent producer). A crash between the acknowledgement
 * and the delete re-sends the batch: delivery is at least once, and every consumer deduplicates on
 * {@code eventId}. A PostgreSQL advisory lock keeps one relay per database at a time, so replicas
 * cannot reorder one plan's events.
 *
 * <p>The relay runs on its own thread. It wakes as soon as a transaction that wrote to the outbox
 * commits, so an event leaves within milliseconds; it also looks every {@code poll-interval} for
 * messages written by another instance or left behind by a crash.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory-lock id of the relay in each service's database. */
    private static final long RELAY_LOCK = 0x706c616e73636fL;

    private final MutinyEmitter<String> kafka;
    private final EntityManager entityManager;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Duration pollInterval;
    private final Counter relayed;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> kafka, EntityManager entityManager,
                       MeterRegistry registry,
                       @ConfigProperty(name = "planscore.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "planscore.outbox.ack-timeout", defaultValue = "PT30S") Duration ackTimeout,
                       @ConfigProperty(name = "planscore.outbox.poll-interval", defaultValue = "PT1S") Duration pollInterval) {
        this.kafka = kafka;
        this.entityManager = entityManager;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.pollInterval = pollInterval;
        this.relayed = registry.counter("planscore.outbox.relayed");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(ackTimeout.toMillis());
        }
    }

    /** A transaction that wrote to the outbox has committed: ship it now. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && QuarkusTransaction.requiringNew().call(this::relayBatch) == batchSize) {
                    // a full batch means more may be waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or the database is unavailable, or messaging is not wired yet: retry on the next round.
                LOG.warnf("Outbox relay round failed, retrying: %s", e.getMessage());
            }
        }
    }

    private int relayBatch() {
        Boolean locked = (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("ORDER BY id").page(0, batchSize).list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = batch.stream().map(this::send).toList();
        Uni.join().all(acks).andFailFast().await().atMost(ackTimeout);
        OutboxMessage.delete("id IN ?1", batch.stream().map(m -> m.id).toList());
        relayed.increment(batch.size());
        return batch.size();
    }

    private Uni<Void> send(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventId", message.eventId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("eventType", message.eventType.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.key)
                .withHeaders(headers)
                .build();
        return kafka.sendMessage(Message.of(message.body).addMetadata(metadata));
    }
}
