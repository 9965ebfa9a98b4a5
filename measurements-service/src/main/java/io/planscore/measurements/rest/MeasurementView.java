package io.planscore.measurements.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.planscore.measurements.domain.Measurement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A recorded event with its place in its correction chain and its audit data. */
@JsonPropertyOrder({"eventId", "planId", "planVersion", "agencyId", "indicatorId", "component", "period", "year",
        "value", "unit", "kind", "status", "supersedes", "supersededBy", "chain", "observedAt", "recordedAt",
        "submittedBy", "channel", "note", "evidenceUrl"})
@Schema(name = "RecordedMeasurement", description = "A recorded measurement event with its correction chain")
public record MeasurementView(
        UUID eventId, String planId, int planVersion, String agencyId, String indicatorId, String component,
        String period, int year, BigDecimal value, String unit,
        @Schema(enumeration = {"actual", "correction", "retraction"}) String kind,
        @Schema(enumeration = {"active", "superseded", "retracted"},
                description = "active: counts; superseded: replaced by a correction; retracted: withdrawn")
        String status,
        @Schema(description = "The event this one corrects or retracts") UUID supersedes,
        @Schema(description = "The correction or retraction that replaced this event") UUID supersededBy,
        @Schema(description = "The whole chain this event belongs to, oldest first (one id when never corrected)")
        List<UUID> chain,
        Instant observedAt, Instant recordedAt,
        @Schema(description = "The principal that sent it") String submittedBy,
        @Schema(enumeration = {"http", "csv", "kafka"}) String channel,
        String note, String evidenceUrl) {

    static MeasurementView of(Measurement m, List<UUID> chain) {
        return new MeasurementView(m.eventId, m.planId, m.planVersion, m.agencyId, m.indicatorId, m.component, m.period,
                m.year, m.value, m.unit, m.kind, m.status, m.supersedes, m.supersededBy, chain, m.observedAt,
                m.recordedAt, m.submittedBy, m.channel, m.note, m.evidenceUrl);
    }
}
