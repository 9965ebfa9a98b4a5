package io.planscore.scoring.events;

import io.opentelemetry.context.Context;
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
        scoring.applyPlanVersions(firstDeliveries(records,
                Map.of(PlanVersionApproved.TYPE, single(PlanVersionApproved.class))));
    }

    /** Measurements arrive many to a record ({@code MeasurementsRecorded}), or one to a record in the older form. */
    @Transactional
    public void onMeasurements(List<ConsumerRecord<String, String>> records) {
        Reader<MeasurementRecorded> many = (envelope, trace) -> codec.payload(envelope, MeasurementsRecorded.class)
                .measurements().stream().map(measurement -> new Delivered<>(measurement, measurement.eventId(), trace))
                .toList();
        scoring.applyMeasurements(firstDeliveries(records,
                Map.of(MeasurementsRecorded.TYPE, many, MeasurementRecorded.TYPE, single(MeasurementRecorded.class))));
    }

    @Transactional
    public void onPeerResults(List<ConsumerRecord<String, String>> records) {
        scoring.applyPeerResults(firstDeliveries(records,
                Map.of(PeerResultReported.TYPE, single(PeerResultReported.class))));
    }

    /** How the events of one envelope are read from it, given the trace its record carried. */
    private interface Reader<T> {
        List<Delivered<T>> read(EventEnvelope envelope, Context trace);
    }

    private <T> Reader<T> single(Class<T> payloadType) {
        return (envelope, trace) -> List.of(new Delivered<>(codec.payload(envelope, payloadType), envelope.eventId(),
                trace));
    }

    /**
     * The events of the expected types whose envelopes the inbox has not seen, in record order; other types are
     * skipped. A record that cannot be read goes to the dead-letter topic alone: failing the poll would dead-letter
     * its good records too. (Should the poll's transaction be retried, it is dead-lettered again; a redrive of both
     * changes nothing, as it cannot be read either way.)
     */
    private <T> List<Delivered<T>> firstDeliveries(List<ConsumerRecord<String, String>> records,
                                                   Map<String, Reader<T>> readers) {
        Map<UUID, List<Delivered<T>>> delivered = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = codec.read(record.value());
                Reader<T> reader = readers.get(envelope.eventType());
                if (reader != null) {
                    if (!delivered.containsKey(envelope.eventId())) {
                        delivered.put(envelope.eventId(),
                                reader.read(envelope, TraceContext.continuedBy(record.headers())));
                    }
                } else {
                    LOG.warnf("Skipped %s %s: this channel carries %s only", envelope.eventType(),
                            envelope.eventId(), readers.keySet());
                }
            } catch (MalformedEventException e) {
                deadLetters.deadLetter(record, e);
            }
        }
        Set<UUID> first = inbox.firstDeliveries(delivered.keySet(), CONSUMER);
        return delivered.entrySet().stream().filter(envelope -> first.contains(envelope.getKey()))
                .flatMap(envelope -> envelope.getValue().stream()).toList();
    }
}
