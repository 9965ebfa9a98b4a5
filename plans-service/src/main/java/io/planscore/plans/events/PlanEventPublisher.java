package io.planscore.plans.events;

import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes plan events through the transactional outbox: the event is stored in the caller's
 * transaction, keyed by the plan id, with the plan version as the aggregate version.
 */
@ApplicationScoped
public class PlanEventPublisher {

    private final Outbox outbox;
    private final EnvelopeCodec codec;
    private final String producer;

    public PlanEventPublisher(Outbox outbox, EnvelopeCodec codec,
                              @ConfigProperty(name = "planscore.producer", defaultValue = "plans-service") String producer) {
        this.outbox = outbox;
        this.codec = codec;
        this.producer = producer;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope versionApproved(PlanVersionApproved event) {
        EventEnvelope envelope = codec.wrap(PlanVersionApproved.EVENT_TYPE, PlanVersionApproved.SCHEMA_VERSION,
                event.planId().toString(), event.version(), producer, event);
        outbox.publish(PlanVersionApproved.TOPIC, envelope);
        return envelope;
    }
}
