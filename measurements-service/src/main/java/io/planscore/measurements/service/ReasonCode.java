package io.planscore.measurements.service;

/**
 * Stable reason codes of a rejected measurement event. Each rejection names the field at fault and
 * carries a sentence a person can act on; the codes never change meaning.
 */
public enum ReasonCode {
    /** A required field is absent or blank (eventId, planId, indicatorId, period, supersedes). */
    MISSING_FIELD,
    /** A field has the wrong shape: eventId/supersedes not a UUID, observedAt not an ISO instant, text too long, evidenceUrl not http(s). */
    INVALID_FIELD,
    /** The submission is not a JSON object at all (a batch element or Kafka record that is not an object). */
    MALFORMED_EVENT,
    /** The eventId was recorded before with a different body. */
    CONFLICTING_DUPLICATE,
    /** No approved version of the plan is known here. */
    UNKNOWN_PLAN,
    /** The indicator is not in the plan version in force. */
    UNKNOWN_INDICATOR,
    /** The component is not an operand of the indicator's formula, or the indicator has no formula. */
    UNKNOWN_COMPONENT,
    /** The period is not 2019, 2019-H1, 2019-Q3 or 2019-07. */
    INVALID_PERIOD,
    /** The period lies outside the plan's years (earlier years only for indicators with a baseline). */
    PERIOD_OUT_OF_RANGE,
    /** The unit is not the indicator's unit (萬 is a scale: post the value in the base unit). */
    UNIT_MISMATCH,
    /** The value is not a finite decimal, is missing for an actual or correction, or is present on a retraction. */
    INVALID_VALUE,
    /** The value is negative for a count, or outside a plan-declared range. */
    OUT_OF_RANGE,
    /** kind is not actual, correction or retraction, or an actual names supersedes. */
    INVALID_KIND,
    /** The event a correction or retraction supersedes was never recorded. */
    UNKNOWN_SUPERSEDED,
    /** The superseded event belongs to another plan, indicator or agency. */
    FOREIGN_SUPERSEDED,
    /** The superseded event was already corrected or retracted, or is itself a retraction. */
    ALREADY_SUPERSEDED,
    /** Kafka only: the identity headers of the record do not allow posting for this plan. */
    FORBIDDEN
}
