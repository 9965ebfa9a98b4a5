package io.planscore.chaos.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much the platform holds, read through the public API with an administrator's key: plans, recorded and
 * rejected measurements, score versions and administrators' inputs of the fixture plans, agencies, API keys and
 * their audit entries (an issue or a revocation each).
 */
record StateCounts(Map<String, Long> counts) {

    static final String PLANS = "plans";
    static final String MEASUREMENTS = "measurements";
    static final String REJECTED = "rejected measurements";
    static final String SCORES = "score versions";
    static final String ADMIN_INPUTS = "admin inputs";
    static final String AGENCIES = "agencies";
    static final String KEYS = "API keys";
    static final String KEY_EVENTS = "API key issues and revocations";

    long get(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    /** The counters that moved, with how far, from {@code before} to this. */
    Map<String, Long> minus(StateCounts before) {
        Map<String, Long> delta = new LinkedHashMap<>();
        counts.forEach((counter, value) -> delta.put(counter, value - before.get(counter)));
        return delta;
    }
}
