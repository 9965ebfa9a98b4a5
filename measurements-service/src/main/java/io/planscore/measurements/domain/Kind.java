package io.planscore.measurements.domain;

import java.util.Locale;
import java.util.Optional;

/** What a measurement event does. */
public enum Kind {
    /** A value for an indicator (or one of its formula components) and a period. */
    ACTUAL,
    /** Replaces the event named by {@code supersedes}. */
    CORRECTION,
    /** Withdraws the event named by {@code supersedes}; carries no value. */
    RETRACTION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean supersedes() {
        return this != ACTUAL;
    }

    public static Optional<Kind> parse(String text) {
        for (Kind kind : values()) {
            if (kind.wire().equals(text)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
