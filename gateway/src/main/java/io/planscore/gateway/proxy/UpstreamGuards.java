package io.planscore.gateway.proxy;

import io.planscore.platform.http.ConnectionFailures;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.core.Response;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What protects the gateway from a slow or failing service (docs/operations.md, "Slow and failing services").
 * A forwarded call passes, from the outside in:
 * <ol>
 *   <li>the rebuild bulkhead, on the rebuild route only: 2 at a time and 1 waiting, beyond that
 *       {@code BulkheadException} at once;</li>
 *   <li>the retry, for GET and HEAD only, and only when the connection failed: it could not be made, or it was
 *       reset or closed without an answer (a pooled keep-alive connection the service dropped as it restarted):
 *       2 more tries, 100 ms apart. Never for a write: a dropped connection does not say whether the service
 *       did it, and a refused one is left to the caller, who knows whether sending it again is safe;</li>
 *   <li>the service's own circuit breaker: when half of its last 10 calls failed (no connection, or no answer
 *       in time) it opens for {@value #OPEN_SECONDS} s, and every call fails at once with
 *       {@code CircuitBreakerOpenException}. An answer is a success whatever its status: a 5xx says the service
 *       is up and decided (or its own dependency failed, which it reports itself); opening the circuit on it
 *       would turn a service's refusal of one bad request into an outage of all its routes;</li>
 *   <li>the route's timeout ({@link Route}), failing with {@code TimeoutException}.</li>
 * </ol>
 * No guard offloads to another thread: the REST client is non-blocking, so the calling thread is never held.
 */
@ApplicationScoped
public class UpstreamGuards {

    static final int OPEN_SECONDS = 5;
    private static final TypeLiteral<CompletionStage<Response>> ANSWER = new TypeLiteral<>() {
    };

    private final Map<Upstream, TypedGuard<CompletionStage<Response>>> breakers;
    private final Map<Route, TypedGuard<CompletionStage<Response>>> timeouts;
    private final TypedGuard<CompletionStage<Response>> readRetry = guard()
            .withRetry().maxRetries(2).delay(100, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
            .whenException(ConnectionFailures::isConnectionFailure).done()
            .build();
    private final TypedGuard<CompletionStage<Response>> rebuildBulkhead = guard()
            .withBulkhead().limit(2).queueSize(1).done()
            .build();

    public UpstreamGuards(UpstreamConfig config) {
        breakers = each(Upstream.class, upstream -> guard()
                .withDescription(upstream.serviceName())
                .withCircuitBreaker().name("upstream-" + upstream.serviceName())
                .requestVolumeThreshold(10).failureRatio(0.5).delay(OPEN_SECONDS, ChronoUnit.SECONDS).done()
                .build());
        timeouts = each(Route.class, route -> guard()
                .withTimeout().duration(route.timeout(config.timeout()).toMillis(), ChronoUnit.MILLIS).done()
                .build());
    }

    /** {@code call}, guarded for {@code upstream} and {@code route}; a read is one that may be sent again. */
    public CompletionStage<Response> call(Upstream upstream, Route route, boolean read,
                                          Supplier<CompletionStage<Response>> call) {
        Supplier<CompletionStage<Response>> guarded = () -> breakers.get(upstream).get(() -> timeouts.get(route).get(call));
        Supplier<CompletionStage<Response>> retried = read ? () -> readRetry.get(guarded) : guarded;
        return route == Route.REBUILD ? rebuildBulkhead.get(retried) : retried.get();
    }

    private static TypedGuard.Builder<CompletionStage<Response>> guard() {
        return TypedGuard.create(ANSWER).withThreadOffload(false);
    }

    private static <K extends Enum<K>> Map<K, TypedGuard<CompletionStage<Response>>> each(
            Class<K> keys, Function<K, TypedGuard<CompletionStage<Response>>> guard) {
        return Arrays.stream(keys.getEnumConstants()).collect(Collectors.toMap(Function.identity(), guard,
                (a, b) -> a, () -> new EnumMap<>(keys)));
    }
}
