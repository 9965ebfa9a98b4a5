package io.planscore.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Ships committed outbox messages to Kafka, oldest first, and deletes them once the broker has
 * acknowledged them ({@code acks=all}, idempotent producer). A crash between the acknowledgement
 * and the delete re-sends the batch: delivery is at least once, and every consumer deduplicates on
 * {@code eventId}. A PostgreSQL advisory lock keeps one relay per database at a time, so replicas
 * cannot reorder one plan's events.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Arbitrary, fixed: the advisory-lock id of the relay in each service's database. */
    private static final long RELAY_LOCK = 0x706c616e73636fL;

    private final MutinyEmitter<String> kafka;
    private final EntityManager entityManager;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Counter relayed;

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> kafka, EntityManager entityManager,
                       MeterRegistry registry,
                       @ConfigProperty(name = "planscore.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "planscore.outbox.ack-timeout", defaultValue = "PT30S") Duration ackTimeout) {
        this.kafka = kafka;
        this.entityManager = entityManager;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.relayed = registry.counter("planscore.outbox.relayed");
    }

    @Scheduled(every = "${planscore.outbox.poll-interval:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        while (QuarkusTransaction.requiringNew().call(this::relayBatch) == batchSize) {
            // a full batch means more may be waiting
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
        Uni.join().all(acks).andFailFast().runSubscriptionOn(Infrastructure.getDefaultExecutor())
                .await().atMost(ackTimeout);
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
