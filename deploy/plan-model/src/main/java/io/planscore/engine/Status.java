package io.planscore.engine;

/** Status of an indicator for a year (SCORING.md §4). */
public enum Status {
    MET,
    AT_RISK,
    OFF_TRACK,
    /** A target exists but no actual yet: never scored as 0. */
    PENDING,
    /** Not scored; the indicator's flags say why. */
    NOT_SCORED;

    public boolean isScored() {
        return this == MET || this == AT_RISK || this == OFF_TRACK;
    }
}
