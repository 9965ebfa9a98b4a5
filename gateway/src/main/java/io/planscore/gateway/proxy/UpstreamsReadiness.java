package io.planscore.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The gateway is ready only when every service behind it is healthy: each upstream's whole health
 * ({@code /q/health}: its liveness and its readiness) is asked (in parallel, at most {@link #TIMEOUT} each) and
 * reported by name, with the names of its checks that are DOWN, so an operator sees which one is down instead
 * of a gateway that says UP while it can only answer 503. Liveness counts: a service whose Kafka consumer died
 * reports liveness DOWN while its readiness (database, connection to the broker) may still say UP, and it
 * scores nothing.
 * Its own plain client on purpose, not {@link UpstreamClient}: a probe must see the service as it is, neither
 * refused by an open circuit breaker nor counted in it (a probe every few seconds would hold a circuit open or
 * closed by itself).
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements HealthCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * "UP"; "DOWN" when it answered that it is not healthy, followed by the names of its checks that are DOWN
     * ("DOWN: SmallRye Reactive Messaging - liveness check"); or "UNREACHABLE".
     */
    private CompletableFuture<String> state(Upstream upstream) {
        HttpRequest request = HttpRequest.newBuilder(config.baseOf(upstream).resolve("/q/health"))
                .timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> answer.statusCode() == 200 ? "UP" : down(answer.body()))
                .exceptionally(failure -> "UNREACHABLE");
    }

    /** The names of the checks a MicroProfile Health answer reports DOWN; plain "DOWN" if it lists none. */
    static String down(String healthAnswer) {
        List<String> failing = new ArrayList<>();
        try {
            for (JsonNode check : JSON.readTree(healthAnswer).path("checks")) {
                if (!"UP".equals(check.path("status").asText())) {
                    failing.add(check.path("name").asText("?"));
                }
            }
        } catch (IOException | RuntimeException notHealthJson) {
            // a proxy's error page, say: DOWN is all that is known
        }
        return failing.isEmpty() ? "DOWN" : "DOWN: " + String.join(", ", failing);
    }
}
