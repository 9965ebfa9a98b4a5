package io.planscore.scoring.engine.calc;

/** ↑ or ↓ against a baseline. */
public enum Direction {
    INCREASE,
    DECREASE
}
