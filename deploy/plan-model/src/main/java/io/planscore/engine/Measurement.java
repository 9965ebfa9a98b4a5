package io.planscore.engine;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An active measurement event: an actual value, or a component value when {@code component} names a formula
 * operand (or another input symbol of the indicator), for a period {@code 2019}, {@code 2019-H1},
 * {@code 2019-Q3} or {@code 2019-07}.
 */
public record Measurement(String eventId, String indicatorId, String component, String period, BigDecimal value,
                          Instant recordedAt) {
}
