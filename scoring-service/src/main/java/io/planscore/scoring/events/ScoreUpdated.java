package io.planscore.scoring.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** Published on {@code scoring.score-updated.v1} for every new scorecard version. */
public record ScoreUpdated(String planId, String agencyId, int year, int planVersion, long scoreVersion,
                           Instant computedAt, Trigger trigger, JsonNode scorecard) {

    public static final String TOPIC = "scoring.score-updated.v1";
    public static final String TYPE = "ScoreUpdated";
    public static final int SCHEMA_VERSION = 1;

    public record Trigger(UUID eventId, String eventType) {
    }
}
