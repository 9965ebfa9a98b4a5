package io.planscore.scoring.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Consumer-side view of plans-service's event (docs/events.md); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanVersionApproved(String planId, int version, String agencyId, Instant approvedAt, JsonNode document) {

    public static final String TYPE = "PlanVersionApproved";
}
