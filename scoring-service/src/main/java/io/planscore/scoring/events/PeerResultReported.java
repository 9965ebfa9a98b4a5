package io.planscore.scoring.events;

import java.math.BigDecimal;

/**
 * Published on {@code scoring.peer-results.v1}, keyed by peer group, when a plan's value on a ranked indicator
 * changes (null: the plan is in the group but has not reported), or when a revision took the plan out of the
 * group ({@code withdrawn}). scoring-service consumes it itself: one group's reports are applied in order, and
 * every other plan of the group is re-ranked.
 */
public record PeerResultReported(String peerGroup, String indicatorId, int year, String planId, BigDecimal value,
                                 boolean withdrawn) {

    public static final String TOPIC = "scoring.peer-results.v1";
    public static final String TYPE = "PeerResultReported";
    public static final int SCHEMA_VERSION = 1;
}
