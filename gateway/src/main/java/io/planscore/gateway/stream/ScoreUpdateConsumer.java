package io.planscore.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.platform.events.EnvelopeCodec;
import io.planscore.platform.events.EventEnvelope;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Logs every {@code ScoreUpdated} once (deduplicated on its event id) and fans it out to the
 * subscribers of this gateway instance; a redelivered update reaches no subscriber twice, since each
 * skips ids it has sent.
 */
@ApplicationScoped
public class ScoreUpdateConsumer {

    private final EnvelopeCodec codec;
    private final ScoreUpdateLog log;
    private final ScoreStreamHub hub;

    public ScoreUpdateConsumer(EnvelopeCodec codec, ScoreUpdateLog log, ScoreStreamHub hub) {
        this.codec = codec;
        this.log = log;
        this.hub = hub;
    }

    @Incoming("score-updates")
    @Blocking
    public void onScoreUpdated(String record) {
        EventEnvelope envelope = codec.read(record);
        JsonNode payload = envelope.payload();
        String agencyId = payload.path("agencyId").isTextual() ? payload.get("agencyId").asText() : null;
        hub.publish(log.append(envelope.eventId(), payload.path("planId").asText(envelope.aggregateId()), agencyId,
                payload.path("year").asInt(), payload.path("scoreVersion").asLong(envelope.aggregateVersion()),
                payload.toString()));
    }
}
