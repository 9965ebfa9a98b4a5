package io.planscore.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.events.ConsumerRetry;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every gateway replica reads every {@code ScoreUpdated} (a consumer group of its own), appends it to
 * the shared log unless another replica or an earlier delivery was first, then publishes to its
 * subscribers whatever the log gained, in log order: so a replica's subscribers see every update once,
 * with the same id as on every other replica. A transient failure of the log's database is retried with backoff
 * ({@link ConsumerRetry}); an unreadable record goes to the dead-letter topic at once.
 */
@ApplicationScoped
public class ScoreUpdateConsumer {

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

    @Incoming("score-updates")
    @Blocking
    public void onScoreUpdated(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = codec.read(record.value());
        JsonNode payload = envelope.payload();
        String agencyId = payload.path("agencyId").isTextual() ? payload.get("agencyId").asText() : null;
        retry.run("score-updates", () -> {
            log.append(envelope.eventId(), record.partition(), record.offset(),
                    payload.path("planId").asText(envelope.aggregateId()), agencyId, payload.path("year").asInt(),
                    payload.path("scoreVersion").asLong(envelope.aggregateVersion()), payload.toString());
            hub.publishNew();
        });
    }
}
