package io.planscore.localrun;

import java.time.Duration;

/**
 * How the launcher supervises its services ({@link Supervisor}): every {@code checkInterval} it looks at each
 * service; one whose JVM exited, or whose liveness stayed DOWN for {@code livenessGrace}, is restarted after a
 * backoff doubling from {@code initialBackoff} up to {@code maxBackoff}.
 */
public record Supervision(boolean enabled, Duration checkInterval, Duration livenessGrace, Duration initialBackoff,
                          Duration maxBackoff) {

    /** For tests that stop services on purpose and benchmarks that measure them. */
    public static final Supervision OFF = new Supervision(false, Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(1));

    /** The local run's: checks every 2 s, liveness DOWN for 30 s, backoff 1 s doubling up to 1 min. */
    public static final Supervision STANDARD = new Supervision(true, Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(1));

    /**
     * The local run's from its environment: {@code PLANSCORE_SUPERVISE} ({@code true}),
     * {@code PLANSCORE_SUPERVISE_LIVENESS_GRACE} ({@code 30s}), {@code PLANSCORE_SUPERVISE_MAX_BACKOFF} ({@code 60s}).
     */
    static Supervision fromEnvironment(java.util.Map<String, String> env) {
        boolean enabled = Boolean.parseBoolean(env.getOrDefault("PLANSCORE_SUPERVISE", "true"));
        return new Supervision(enabled, STANDARD.checkInterval(),
                seconds(env, "PLANSCORE_SUPERVISE_LIVENESS_GRACE", STANDARD.livenessGrace()),
                STANDARD.initialBackoff(), seconds(env, "PLANSCORE_SUPERVISE_MAX_BACKOFF", STANDARD.maxBackoff()));
    }

    /** "45s" or "45": seconds. */
    private static Duration seconds(java.util.Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip().replaceFirst("s$", "")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds, e.g. 30s: " + value);
        }
    }
}
