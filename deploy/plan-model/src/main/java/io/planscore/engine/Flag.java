package io.planscore.engine;

/** Why an indicator is not scored, pending or scored with a caveat. */
public enum Flag {
    /** Higher is better with a target of 0: nothing planned (§3). */
    ZERO_TARGET(true),
    /** No target that year ("-", or no cell for the year). */
    NO_TARGET(true),
    /** The source lost the target cell. */
    TARGET_MISSING(true),
    /** A negative target has no meaningful ratio. */
    NEGATIVE_TARGET(false),
    /** The target is set by another authority and not supplied yet. */
    EXTERNAL_TARGET_PENDING(false),
    /** A text target is scored only by an administrator's verdict. */
    AWAITING_VERDICT(false),
    /** The plan states the target in a way the engine cannot check. */
    UNSUPPORTED_TARGET(false),
    /** The plan states a scoring rule the engine cannot evaluate. */
    UNSUPPORTED_RULE(false),
    /** A formula's denominator is 0 (§2.3). */
    DIVISION_BY_ZERO(false),
    /** The baseline needs earlier years that are not available (§3). */
    NO_BASELINE(false),
    /** The value lies in no band of a threshold_bands rule: 0 points (§6). */
    NO_BAND(false),
    /** A rank_bonus value is excluded from ranking by the rule's exclude_if. */
    RANK_EXCLUDED(false),
    /** Depends on peers that have not all reported yet (§6 rank_bonus). */
    PROVISIONAL(false),
    /** A discretionary bonus waits for an administrator's award. */
    AWAITING_AWARD(false),
    /** A rank bonus waits for the peer group's results. */
    AWAITING_PEER_RESULTS(false);

    private final boolean noTarget;

    Flag(boolean noTarget) {
        this.noTarget = noTarget;
    }

    /** True when the flag means there is no target that year, so the indicator is left out of coverage. */
    public boolean meansNoTarget() {
        return noTarget;
    }
}
