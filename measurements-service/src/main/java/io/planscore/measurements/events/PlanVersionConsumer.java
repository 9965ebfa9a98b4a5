package io.planscore.measurements.events;

import io.planscore.measurements.plan.PlanReadModel;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.events.MalformedEventException;
import io.planscore.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the local read model of approved plan versions from {@code plans.plan-versions.v1}. Idempotent
 * on the envelope's eventId (inbox, same transaction); a record it cannot read goes to
 * {@code plans.plan-versions.v1.dlq.measurements-service}. {@link PlanVersionChannel} receives the records and
 * calls this in a retry, so that a retried attempt is a new transaction.
 */
@ApplicationScoped
public class PlanVersionConsumer {

    static final String CONSUMER = "measurements-service.plans";
    private static final Logger LOG = Logger.getLogger(PlanVersionConsumer.class);

    private final EnvelopeCodec codec;
    private final Inbox inbox;
    private final PlanReadModel readModel;

    public PlanVersionConsumer(EnvelopeCodec codec, Inbox inbox, PlanReadModel readModel) {
        this.codec = codec;
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Transactional
    public void onPlanVersion(String record) {
        if (record == null) {
            return; // a tombstone on the compacted topic: nothing to validate against changes here
        }
        EventEnvelope envelope = codec.read(record);
        if (!PlanVersionApproved.TYPE.equals(envelope.eventType())) {
            LOG.debugf("Ignoring %s %s", envelope.eventType(), envelope.eventId());
            return;
        }
        if (!inbox.firstDelivery(envelope.eventId(), CONSUMER)) {
            return;
        }
        PlanVersionApproved approved = codec.payload(envelope, PlanVersionApproved.class);
        if (approved.planId() == null || approved.agencyId() == null || approved.version() < 1) {
            throw new MalformedEventException("PlanVersionApproved " + envelope.eventId()
                    + " lacks planId, agencyId or a version >= 1", null);
        }
        try {
            readModel.apply(envelope.eventId(), approved);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("PlanVersionApproved " + envelope.eventId() + " carries no readable plan "
                    + "document: " + e.getMessage(), e);
        }
    }
}
