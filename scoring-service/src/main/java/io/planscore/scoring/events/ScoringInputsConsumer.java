package io.planscore.scoring.events;

import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.inbox.Inbox;
import io.planscore.scoring.service.ScoringService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The inputs of scoring: plan versions, measurements, and peers' results on ranked indicators. Each event is applied, its scores recomputed and their updates put in
 * the outbox in ONE transaction, together with the inbox mark: a crash at any point either redoes
 * all of it on redelivery or finds it done, so nothing is lost and nothing is counted twice.
 */
@ApplicationScoped
public class ScoringInputsConsumer {

    static final String CONSUMER = "scoring-service";

    private final EnvelopeCodec codec;
    private final Inbox inbox;
    private final ScoringService scoring;

    public ScoringInputsConsumer(EnvelopeCodec codec, Inbox inbox, ScoringService scoring) {
        this.codec = codec;
        this.inbox = inbox;
        this.scoring = scoring;
    }

    @Incoming("plan-versions")
    @Blocking
    @Transactional
    public void onPlanVersion(String record) {
        applyFirstDelivery(record, PlanVersionApproved.TYPE, PlanVersionApproved.class, scoring::apply);
    }

    @Incoming("measurements")
    @Blocking
    @Transactional
    public void onMeasurement(String record) {
        applyFirstDelivery(record, MeasurementRecorded.TYPE, MeasurementRecorded.class, scoring::apply);
    }

    @Incoming("peer-results")
    @Blocking
    @Transactional
    public void onPeerResult(String record) {
        applyFirstDelivery(record, PeerResultReported.TYPE, PeerResultReported.class,
                (reported, eventId) -> scoring.apply(reported));
    }

    /** Applies an event of the expected type unless the inbox says it was applied before; other types are skipped. */
    private <T> void applyFirstDelivery(String record, String type, Class<T> payloadType, BiConsumer<T, UUID> apply) {
        EventEnvelope envelope = codec.read(record);
        if (type.equals(envelope.eventType()) && inbox.firstDelivery(envelope.eventId(), CONSUMER)) {
            apply.accept(codec.payload(envelope, payloadType), envelope.eventId());
        }
    }
}
