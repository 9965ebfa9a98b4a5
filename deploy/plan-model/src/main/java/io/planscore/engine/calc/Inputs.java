package io.planscore.engine.calc;

import io.planscore.engine.ScoringContext.PeerResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a target or a rule may read about one indicator and year. Values are computed on first use, and
 * reading one records it in the indicator's provenance, so the scorecard lists exactly the inputs used.
 */
public interface Inputs {

    /** The measure value of §2 for the year. */
    MeasureValue value();

    /** An input symbol of the indicator (formula operand, compound part, requirement, stage) for the year. */
    MeasureValue component(String symbol);

    /** The baseline per the indicator's baseline rule; empty when it cannot be computed (NO_BASELINE). */
    Optional<BigDecimal> baseline();

    /** The measure value of the year before, from measurements or an administrator's baseline value. */
    Optional<BigDecimal> previousYearValue();

    Optional<BigDecimal> externalTarget();

    /** An administrator's verdict on a text target: the achievement awarded. */
    Optional<BigDecimal> verdict();

    /** An administrator's discretionary award, in points. */
    Optional<BigDecimal> award();

    Optional<List<PeerResult>> peerResults();

    /** The numeric value of the year's target, when it has one. */
    Optional<BigDecimal> targetValue();

    Polarity polarity();

    /** The plan's achievement cap. */
    BigDecimal cap();
}
