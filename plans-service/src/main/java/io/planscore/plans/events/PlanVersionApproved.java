package io.planscore.plans.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code PlanVersionApproved} on {@code plans.plan-versions.v1} (docs/events.md): the whole
 * approved document, so a consumer needs nothing else to validate measurements or score them.
 */
public record PlanVersionApproved(
        UUID planId,
        int version,
        UUID agencyId,
        String agencyName,
        Instant approvedAt,
        String approvedBy,
        JsonNode document) {

    public static final String TOPIC = "plans.plan-versions.v1";
    public static final String EVENT_TYPE = "PlanVersionApproved";
    public static final int SCHEMA_VERSION = 1;
}
