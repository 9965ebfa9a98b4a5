package io.planscore.engine.calc;

/** ↑ or ↓ against a baseline. */
public enum Direction {
    INCREASE,
    DECREASE
}
