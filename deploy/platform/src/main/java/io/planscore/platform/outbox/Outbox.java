package io.planscore.platform.outbox;

import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.planscore.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The only way a service publishes an event: the event is stored in the caller's transaction, so it
 * exists exactly when the state change it describes was committed. {@link OutboxRelay} ships it.
 *
 * <p>An event larger than the broker takes ({@code planscore.outbox.max-message-bytes}, under the producer's
 * {@code max.request.size}) is refused here with a 413, which rolls the caller's change back: stored, it would
 * fail every relay round and hold back every event after it.
 *
 * <p>Each event keeps the trace context it was written in ({@link TraceContext}): the relay sends it as the record's
 * {@code traceparent} header, so a consumer's work joins the trace of the request that caused the event.
 */
@ApplicationScoped
public class Outbox {

    /**
     * An event waiting to be stored in the outbox, for {@link #publishAll}, with the trace context it continues
     * (null: none).
     */
    public record Pending(String topic, EventEnvelope envelope, TraceContext trace) {

        /** An event caused by what this thread is doing now: it continues the current trace, if any. */
        public Pending(String topic, EventEnvelope envelope) {
            this(topic, envelope, TraceContext.current());
        }
    }

    private static final String INSERT = "INSERT INTO outbox_message (event_id, topic, message_key, event_type, body, "
            + "created_at, traceparent, tracestate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final EnvelopeCodec codec;
    private final EntityManager entityManager;
    private final Event<OutboxWritten> written;
    private final int maxMessageBytes;

    public Outbox(EnvelopeCodec codec, EntityManager entityManager, Event<OutboxWritten> written,
                  @ConfigProperty(name = "planscore.outbox.max-message-bytes", defaultValue = "900000")
                  int maxMessageBytes) {
        this.codec = codec;
        this.entityManager = entityManager;
        this.written = written;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope envelope) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = topic;
        message.key = envelope.aggregateId();
        message.eventType = envelope.eventType();
        message.body = body(envelope);
        message.createdAt = Instant.now();
        TraceContext trace = TraceContext.current();
        if (trace != null) {
            message.traceparent = trace.traceparent();
            message.tracestate = trace.tracestate();
        }
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
                    insert.setString(5, body(envelope));
                    insert.setObject(6, now);
                    TraceContext trace = message.trace();
                    insert.setString(7, trace == null ? null : trace.traceparent());
                    insert.setString(8, trace == null ? null : trace.tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
    }

    private String body(EventEnvelope envelope) {
        String body = codec.write(envelope);
        // A char is at most 3 bytes in UTF-8 (a surrogate pair 4 for 2 chars): short bodies need no counting.
        if ((long) body.length() * 3 > maxMessageBytes) {
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxMessageBytes) {
                throw new ProblemException(Problem.of(413, "event-too-large", "Event too large", String.format(
                        Locale.ROOT, "The %s event this change publishes would be %,d bytes; events are at most %,d "
                                + "bytes. Nothing was changed.", envelope.eventType(), bytes, maxMessageBytes),
                        List.of()));
            }
        }
        return body;
    }
}
