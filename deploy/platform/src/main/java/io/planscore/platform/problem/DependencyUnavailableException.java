package io.planscore.platform.problem;

/**
 * A service this one needs could not be asked (unreachable, too slow, its circuit open) or failed to answer:
 * what depends on it cannot be decided now, but may be later. An HTTP request is answered with the 503
 * problem+json and {@code Retry-After}; a Kafka poll that meets it is retried like any transient failure.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final transient Problem problem;
    private final int retryAfterSeconds;

    public DependencyUnavailableException(Problem problem, int retryAfterSeconds, Throwable cause) {
        super(problem.detail(), cause);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
