package io.planscore.scoring.events;

import io.planscore.platform.deadletter.DeadLetters;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.events.MalformedEventException;
import io.planscore.platform.inbox.Inbox;
import io.planscore.platform.tracing.TraceContext;
import io.planscore.scoring.service.ScoringService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The inputs of scoring: plan versions, measurements, and peers' results on ranked indicators. Each channel
 * takes what one Kafka poll returns (up to {@code max.poll.records}; a poll of one record is applied at once).
 * The poll's inbox marks, the inputs it stores, the recomputation of every plan-year it changed (once per
 * batch) and their updates in the outbox are ONE transaction: a crash at any point either redoes all of it on
 * redelivery or finds it done, so nothing is lost and nothing is counted twice. {@link ScoringInputsChannels}
 * receives the polls and calls these in a retry, so that a retried attempt is a new transaction.
 */
@ApplicationScoped
public class ScoringInputsConsumer {

    static final String CONSUMER = "scoring-service";

    private static final Logger LOG = Logger.getLogger(ScoringInputsConsumer.class);

    private final EnvelopeCodec codec;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ScoringService scoring;

    public ScoringInputsConsumer(EnvelopeCodec codec, Inbox inbox, DeadLetters deadLetters, ScoringService scoring) {
        this.codec = codec;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.scoring = scoring;
    }

    @Transactional
    public void onPlanVersions(List<ConsumerRecord<String, String>> records) {
        scoring.applyPlanVersions(firstDeliveries(records, PlanVersionApproved.TYPE, PlanVersionApproved.class));
    }

    @Transactional
    public void onMeasurements(List<ConsumerRecord<String, String>> records) {
        scoring.applyMeasurements(firstDeliveries(records, MeasurementRecorded.TYPE, MeasurementRecorded.class));
    }

    @Transactional
    public void onPeerResults(List<ConsumerRecord<String, String>> records) {
        scoring.applyPeerResults(firstDeliveries(records, PeerResultReported.TYPE, PeerResultReported.class));
    }

    /**
     * The events of the expected type that the inbox has not seen, in record order; other types are skipped. A
     * record that cannot be read goes to the dead-letter topic alone: failing the poll would dead-letter its good
     * records too. (Should the poll's transaction be retried, it is dead-lettered again; a redrive of both changes
     * nothing, as it cannot be read either way.)
     */
    private <T> List<Delivered<T>> firstDeliveries(List<ConsumerRecord<String, String>> records, String type,
                                                   Class<T> payloadType) {
        Map<UUID, Delivered<T>> delivered = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = codec.read(record.value());
                if (type.equals(envelope.eventType())) {
                    delivered.putIfAbsent(envelope.eventId(),
                            new Delivered<>(codec.payload(envelope, payloadType), envelope.eventId(),
                                    TraceContext.continuedBy(record.headers())));
                } else {
                    LOG.warnf("Skipped %s %s: this channel carries %s only", envelope.eventType(),
                            envelope.eventId(), type);
                }
            } catch (MalformedEventException e) {
                deadLetters.deadLetter(record, e);
            }
        }
        Set<UUID> first = inbox.firstDeliveries(delivered.keySet(), CONSUMER);
        return delivered.values().stream().filter(event -> first.contains(event.eventId())).toList();
    }
}
