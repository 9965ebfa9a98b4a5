package io.planscore.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateway is ready only when every service behind it is: each upstream's own readiness is asked (in
 * parallel, at most {@link #TIMEOUT} each) and reported by name, so an operator sees which one is down instead
 * of a gateway that says UP while it can only answer 503.
 * Its own plain client on purpose, not {@link UpstreamClient}: a probe must see the service as it is, neither
 * refused by an open circuit breaker nor counted in it (a probe every few seconds would hold a circuit open or
 * closed by itself).
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final UpstreamConfig config;

    public UpstreamsReadiness(UpstreamConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<Upstream, CompletableFuture<String>> states = Arrays.stream(Upstream.values())
                .collect(Collectors.toMap(Function.identity(), this::state));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        List<Upstream> down = states.entrySet().stream().filter(entry -> !"UP".equals(entry.getValue().join()))
                .map(Map.Entry::getKey).toList();
        states.forEach((upstream, state) -> response.withData(upstream.serviceName(), state.join()));
        return down.isEmpty() ? response.build() : response.down().build();
    }

    /** "UP", "DOWN" (it answered that it is not ready) or "UNREACHABLE". */
    private CompletableFuture<String> state(Upstream upstream) {
        HttpRequest request = HttpRequest.newBuilder(config.baseOf(upstream).resolve("/q/health/ready"))
                .timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(answer -> answer.statusCode() == 200 ? "UP" : "DOWN")
                .exceptionally(failure -> "UNREACHABLE");
    }
}
