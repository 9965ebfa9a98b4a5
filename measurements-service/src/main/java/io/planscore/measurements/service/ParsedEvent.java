package io.planscore.measurements.service;

import io.planscore.measurements.domain.Kind;
import io.planscore.measurements.domain.Period;
import io.planscore.platform.problem.FieldError;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One submitted event, read but not yet judged against the plan: the normalised fields, the errors
 * found by reading alone, and the canonical body with its hash (the duplicate test).
 */
public record ParsedEvent(
        String eventIdText,
        UUID eventId,
        String planId,
        String indicatorId,
        String component,
        String periodText,
        Period period,
        String valueText,
        BigDecimal value,
        String unit,
        Kind kind,
        UUID supersedes,
        Instant observedAt,
        String note,
        String evidenceUrl,
        List<FieldError> errors,
        String canonicalBody,
        String bodyHash) {
}
