package io.planscore.platform.outbox;

import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The only way a service publishes an event: the event is stored in the caller's transaction, so it
 * exists exactly when the state change it describes was committed. {@link OutboxRelay} ships it.
 */
@ApplicationScoped
public class Outbox {

    private final EnvelopeCodec codec;

    public Outbox(EnvelopeCodec codec) {
        this.codec = codec;
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
    }
}
