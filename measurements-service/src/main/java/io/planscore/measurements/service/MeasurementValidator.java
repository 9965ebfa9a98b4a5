package io.planscore.measurements.service;

import io.planscore.measurements.domain.Kind;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.MeasurementStatus;
import io.planscore.measurements.plan.IndicatorRules;
import io.planscore.measurements.plan.PlanRules;
import io.planscore.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Judges a read event against the plan version in force and the events recorded so far. Every
 * failure is a {@link FieldError} with a {@link ReasonCode}; nothing here throws for bad input.
 */
public final class MeasurementValidator {

    private MeasurementValidator() {
    }

    /**
     * @param plan   the plan version in force, or null when none is known
     * @param caller Kafka records with identity headers: checked per event; null when checked per request
     * @param known  recorded events by eventId (at least every {@code supersedes} of the chunk)
     */
    public static List<FieldError> validate(ParsedEvent e, PlanRules plan, Caller caller, Map<UUID, Measurement> known) {
        List<FieldError> errors = new ArrayList<>(e.errors());
        Kind kind = e.kind();

        if (e.planId() == null) {
            missing(errors, "planId", "planId is required: the id of the approved plan the value is for");
        }
        if (e.indicatorId() == null) {
            missing(errors, "indicatorId", "indicatorId is required: the indicator's id in the plan document, e.g. F3-G1-K二");
        }
        if (e.periodText() == null && kind != Kind.RETRACTION) {
            missing(errors, "period", "period is required: 2019, 2019-H1, 2019-Q3 or 2019-07");
        }
        if (kind != null) {
            if (kind.supersedes() && e.supersedes() == null) {
                missing(errors, "supersedes", "supersedes is required for a " + kind.wire()
                        + ": the eventId of the event it " + (kind == Kind.CORRECTION ? "replaces" : "withdraws"));
            }
            if (kind == Kind.ACTUAL && e.supersedes() != null) {
                errors.add(error("kind", ReasonCode.INVALID_KIND, "kind 'actual' cannot supersede another event: "
                        + "use kind 'correction' to replace it or 'retraction' to withdraw it"));
            }
            if (kind != Kind.RETRACTION && e.valueText() == null && !has(errors, "value")) {
                errors.add(error("value", ReasonCode.INVALID_VALUE, "value is required for " + (kind == Kind.ACTUAL
                        ? "an actual" : "a correction") + ": a finite decimal number"));
            }
            if (kind == Kind.RETRACTION && e.valueText() != null && !has(errors, "value")) {
                errors.add(error("value", ReasonCode.INVALID_VALUE,
                        "a retraction withdraws an event and carries no value: leave value out"));
            }
        }

        if (e.planId() != null) {
            if (plan == null) {
                errors.add(error("planId", ReasonCode.UNKNOWN_PLAN, "plan '" + e.planId()
                        + "' has no approved version here: post measurements after the plan is approved"));
            } else {
                if (caller != null && !caller.mayPostFor(plan.agencyId())) {
                    errors.add(error("planId", ReasonCode.FORBIDDEN, "caller " + caller.principal()
                            + " may not post measurements for plan '" + plan.planId() + "' of another agency"));
                }
                IndicatorRules indicator = e.indicatorId() == null ? null : plan.indicators().get(e.indicatorId());
                if (e.indicatorId() != null && indicator == null) {
                    errors.add(error("indicatorId", ReasonCode.UNKNOWN_INDICATOR, "indicator '" + e.indicatorId()
                            + "' is not in version " + plan.version() + " of plan '" + plan.planId() + "'"));
                }
                if (indicator != null) {
                    checkIndicator(e, plan, indicator, errors);
                }
            }
        }

        if (kind != null && kind.supersedes() && e.supersedes() != null) {
            checkSuperseded(e, plan, known.get(e.supersedes()), errors);
        }
        return errors;
    }

    private static void checkIndicator(ParsedEvent e, PlanRules plan, IndicatorRules indicator, List<FieldError> errors) {
        if (e.component() != null) {
            if (indicator.components().isEmpty()) {
                errors.add(error("component", ReasonCode.UNKNOWN_COMPONENT, "indicator '" + indicator.indicatorId()
                        + "' accepts no components (it has no formula operands, compound target parts or scoring-rule"
                        + " components): post its value without a component"));
            } else if (!indicator.components().contains(e.component())) {
                errors.add(error("component", ReasonCode.UNKNOWN_COMPONENT, "component '" + e.component()
                        + "' is not one indicator '" + indicator.indicatorId() + "' accepts (accepts: "
                        + String.join(", ", indicator.components()) + ")"));
            }
        }
        if (e.period() != null) {
            int year = e.period().year();
            int earliest = plan.adStart() - indicator.baselineYears();
            if (year > plan.adEnd() || year < earliest) {
                String years = plan.adStart() == plan.adEnd() ? String.valueOf(plan.adStart())
                        : plan.adStart() + "-" + plan.adEnd();
                String baseline = indicator.baselineYears() > 0
                        ? "; as baseline history this indicator also accepts " + earliest + "-" + (plan.adStart() - 1)
                        : "";
                errors.add(error("period", ReasonCode.PERIOD_OUT_OF_RANGE, "period " + e.period().text()
                        + " is outside the years of plan '" + plan.planId() + "' (" + years + ")" + baseline));
            }
        }
        if (e.unit() != null && e.component() == null && indicator.unit() != null && !e.unit().equals(indicator.unit())) {
            String base = Units.withoutScalePrefix(e.unit());
            if (base != null && base.equals(indicator.unit())) {
                errors.add(error("unit", ReasonCode.UNIT_MISMATCH, "unit '" + e.unit() + "' is not a unit: 萬 is a scale "
                        + "(×10,000); post the value in " + indicator.unit() + " (for example 8.5" + e.unit() + " as 85000 "
                        + indicator.unit() + ")"));
            } else {
                errors.add(error("unit", ReasonCode.UNIT_MISMATCH, "unit '" + e.unit()
                        + "' does not match the indicator's unit '" + indicator.unit() + "'; post the value in "
                        + indicator.unit() + " or leave unit out"));
            }
        }
        if (e.value() != null && e.component() == null) {
            BigDecimal value = e.value();
            if (indicator.nonNegative() && value.signum() < 0) {
                errors.add(error("value", ReasonCode.OUT_OF_RANGE, "value " + value.toPlainString()
                        + " is negative, but indicator '" + indicator.indicatorId() + "' counts " + indicator.unit()
                        + " and cannot be negative"));
            } else if (indicator.rangeMin() != null && value.compareTo(indicator.rangeMin()) < 0
                    || indicator.rangeMax() != null && value.compareTo(indicator.rangeMax()) > 0) {
                errors.add(error("value", ReasonCode.OUT_OF_RANGE, "value " + value.toPlainString()
                        + " is outside the range the plan declares for indicator '" + indicator.indicatorId() + "' ("
                        + plain(indicator.rangeMin()) + " to " + plain(indicator.rangeMax()) + ")"));
            }
        }
    }

    private static void checkSuperseded(ParsedEvent e, PlanRules plan, Measurement old, List<FieldError> errors) {
        if (old == null) {
            errors.add(error("supersedes", ReasonCode.UNKNOWN_SUPERSEDED, "event '" + e.supersedes()
                    + "' was never recorded, so it cannot be " + (e.kind() == Kind.CORRECTION ? "corrected" : "retracted")
                    + " (a rejected event was not recorded: post it again as an actual)"));
            return;
        }
        boolean samePlace = old.planId.equals(e.planId()) && old.indicatorId.equals(e.indicatorId())
                && (plan == null || old.agencyId.equals(plan.agencyId()));
        if (!samePlace) {
            errors.add(error("supersedes", ReasonCode.FOREIGN_SUPERSEDED, "event '" + e.supersedes()
                    + "' belongs to plan '" + old.planId + "', indicator '" + old.indicatorId + "': a " + e.kind().wire()
                    + " must name the same plan and indicator as the event it supersedes"));
            return;
        }
        if (old.supersededBy != null) {
            errors.add(error("supersedes", ReasonCode.ALREADY_SUPERSEDED, "event '" + e.supersedes() + "' was already "
                    + (MeasurementStatus.RETRACTED.wire().equals(old.status) ? "retracted" : "corrected") + " by event '"
                    + old.supersededBy + "': supersede the latest event of the chain instead"));
        } else if (Kind.RETRACTION.wire().equals(old.kind)) {
            errors.add(error("supersedes", ReasonCode.ALREADY_SUPERSEDED, "event '" + e.supersedes()
                    + "' is a retraction, which ends its chain: post a new actual to report a value again"));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "unbounded" : value.toPlainString();
    }

    private static void missing(List<FieldError> errors, String field, String message) {
        if (!has(errors, field)) {
            errors.add(error(field, ReasonCode.MISSING_FIELD, message));
        }
    }

    private static boolean has(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    static FieldError error(String field, ReasonCode code, String message) {
        return new FieldError(field, code.name(), message);
    }
}
