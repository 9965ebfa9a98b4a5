package io.planscore.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.events.ConsumerRetry;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.events.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Every gateway replica reads every {@code ScoreUpdated} (a consumer group of its own), appends it to
 * the shared log unless another replica or an earlier delivery was first, then publishes to its
 * subscribers whatever the log gained, in log order: so a replica's subscribers see every update once,
 * with the same id as on every other replica. It takes what one poll brings, so a burst of updates costs
 * one transaction per poll, not one per update. A transient failure of the log's database is retried with
 * backoff ({@link ConsumerRetry}); an unreadable record is skipped alone, with an error in the log.
 */
@ApplicationScoped
public class ScoreUpdateConsumer {

    private static final Logger LOG = Logger.getLogger(ScoreUpdateConsumer.class);

    private final ConsumerRetry retry;
    private final EnvelopeCodec codec;
    private final ScoreUpdateLog log;
    private final ScoreStreamHub hub;

    public ScoreUpdateConsumer(ConsumerRetry retry, EnvelopeCodec codec, ScoreUpdateLog log, ScoreStreamHub hub) {
        this.retry = retry;
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
                // failing the poll would hold back every good update in it
                LOG.errorf("Skipped an unreadable score update at %s-%d/%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        retry.run("score-updates", () -> {
            log.append(poll);
            hub.publishNew();
        });
    }
}
