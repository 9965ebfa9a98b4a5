package io.planscore.platform.outbox;

import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The only way a service publishes an event: the event is stored in the caller's transaction, so it
 * exists exactly when the state change it describes was committed. {@link OutboxRelay} ships it.
 */
@ApplicationScoped
public class Outbox {

    /** An event waiting to be stored in the outbox, for {@link #publishAll}. */
    public record Pending(String topic, EventEnvelope envelope) {
    }

    private static final String INSERT = "INSERT INTO outbox_message (event_id, topic, message_key, event_type, body, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final EnvelopeCodec codec;
    private final EntityManager entityManager;
    private final Event<OutboxWritten> written;

    public Outbox(EnvelopeCodec codec, EntityManager entityManager, Event<OutboxWritten> written) {
        this.codec = codec;
        this.entityManager = entityManager;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope envelope) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = topic;
        message.key = envelope.aggregateId();
        message.eventType = envelope.eventType();
        message.body = codec.write(envelope);
        message.createdAt = Instant.now();
        message.persist();
        written.fire(new OutboxWritten());
    }

    /** Many events in one JDBC batch (one round trip, not one per event), in order, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(List<Pending> messages) {
        if (messages.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending message : messages) {
                    EventEnvelope envelope = message.envelope();
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, message.topic());
                    insert.setString(3, envelope.aggregateId());
                    insert.setString(4, envelope.eventType());
                    insert.setString(5, codec.write(envelope));
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
    }
}
