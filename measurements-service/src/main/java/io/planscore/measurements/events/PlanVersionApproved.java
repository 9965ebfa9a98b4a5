package io.planscore.measurements.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** Payload of {@code PlanVersionApproved} on {@code plans.plan-versions.v1} (owned by plans-service). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanVersionApproved(String planId, int version, String agencyId, String agencyName, Instant approvedAt,
                                  String approvedBy, JsonNode document) {

    public static final String TYPE = "PlanVersionApproved";
}
