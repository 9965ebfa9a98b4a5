package io.planscore.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.deadletter.DeadLetters;
import io.planscore.platform.events.ConsumerRetry;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.events.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Every gateway replica reads every {@code ScoreUpdated} (a consumer group of its own), appends it to
 * the shared log unless another replica or an earlier delivery was first, then publishes to its
 * subscribers whatever the log gained, in log order: so a replica's subscribers see every update once,
 * with the same id as on every other replica. It takes what one poll brings, so a burst of updates costs
 * one transaction per poll, not one per update. A transient failure of the log's database is retried with
 * backoff ({@link ConsumerRetry}); an unreadable record goes to the dead-letter topic alone.
 */
@ApplicationScoped
public class ScoreUpdateConsumer {

    private final ConsumerRetry retry;
    private final DeadLetters deadLetters;
    private final EnvelopeCodec codec;
    private final ScoreUpdateLog log;
    private final ScoreStreamHub hub;

    public ScoreUpdateConsumer(ConsumerRetry retry, DeadLetters deadLetters, EnvelopeCodec codec, ScoreUpdateLog log,
                               ScoreStreamHub hub) {
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.codec = codec;
        this.log = log;
        this.hub = hub;
    }

    /** A whole poll: appended in one transaction, then published once. */
    @Incoming("score-updates")
    @Blocking
    public void onScoreUpdated(ConsumerRecords<String, String> records) {
        List<ScoreUpdateLog.Received> poll = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope envelope = codec.read(record.value());
                JsonNode payload = envelope.payload();
                String agencyId = payload.path("agencyId").isTextual() ? payload.get("agencyId").asText() : null;
                poll.add(new ScoreUpdateLog.Received(envelope.eventId(), record.partition(), record.offset(),
                        payload.path("planId").asText(envelope.aggregateId()), agencyId, payload.path("year").asInt(),
                        payload.path("scoreVersion").asLong(envelope.aggregateVersion()), payload.toString()));
            } catch (MalformedEventException e) {
                // alone: failing the poll would dead-letter every good update in it
                deadLetters.deadLetter(record, e);
            }
        }
        retry.run("score-updates", () -> {
            log.append(poll);
            hub.publishNew();
        });
    }
}
