package io.planscore.chaos.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far each counter may move within a window of requests, from the answers the platform gave: an accepted
 * request adds what it says it added, a rejected one adds nothing (except what the API documents: a single
 * measurement event answered 409 or 422 is kept in the rejected list). A counter not named may not move.
 */
final class Expected {

    private final Map<String, long[]> ranges = new LinkedHashMap<>();

    synchronized void add(String counter, long min, long max) {
        long[] range = ranges.computeIfAbsent(counter, c -> new long[2]);
        range[0] += min;
        range[1] = range[1] == Long.MAX_VALUE || max == Long.MAX_VALUE ? Long.MAX_VALUE : range[1] + max;
    }

    synchronized void any(String counter) {
        add(counter, 0, Long.MAX_VALUE);
    }

    synchronized boolean allows(String counter, long delta) {
        long[] range = ranges.getOrDefault(counter, new long[2]);
        return delta >= range[0] && delta <= range[1];
    }

    synchronized String describe(String counter) {
        long[] range = ranges.getOrDefault(counter, new long[2]);
        return range[0] == range[1] ? String.valueOf(range[0])
                : range[0] + ".." + (range[1] == Long.MAX_VALUE ? "∞" : String.valueOf(range[1]));
    }

    /** Whether an accepted request may have changed scores (which follow asynchronously). */
    synchronized boolean scoresMayMove() {
        return ranges.containsKey(StateCounts.SCORES);
    }
}
