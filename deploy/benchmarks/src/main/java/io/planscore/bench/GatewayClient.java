package io.planscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The harness's one way into planscore: the public API of the gateway, with an API key, as any client would. */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    GatewayClient(URI gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    URI uri() {
        return gateway;
    }

    String apiKey() {
        return apiKey;
    }

    HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("X-API-Key", apiKey).timeout(Duration.ofSeconds(180));
    }

    /** How many events of a measurements POST were accepted; anything but 202 is a failure of the benchmark. */
    static int accepted(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/measurements answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body()).path("accepted").asInt();
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /**
     * Creates and approves a plan from {@code document}, then waits until measurements-service accepts an event for
     * it ({@code probe} makes one such event for a plan id), and returns the plan id.
     */
    String preparePlan(byte[] document, java.util.function.Function<String, String> probe) throws Exception {
        HttpResponse<String> created = post("/api/v1/plans", document);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/plans answered " + created.statusCode() + ": "
                    + abbreviate(created.body()));
        }
        String planId = JSON.readTree(created.body()).path("id").asText(null);
        if (planId == null) {
            throw new IllegalStateException("POST /api/v1/plans gave no id: " + abbreviate(created.body()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = post("/api/v1/measurements",
                    probe.apply(planId).getBytes(StandardCharsets.UTF_8));
            last = response.statusCode() + " " + abbreviate(response.body());
            if (response.statusCode() == 202 && JSON.readTree(response.body()).path("accepted").asInt() == 1) {
                return planId;
            }
            Thread.sleep(500);
        }
        throw new TimeoutException("plan " + planId + " created, but no measurement for it was accepted within 120 s; "
                + "last answer: " + last);
    }

    /** One measurement event as JSON. */
    static String event(String eventId, String planId, String indicatorId, String unit, int month, long value) {
        return String.format(Locale.ROOT, "{\"eventId\":\"%s\",\"planId\":\"%s\",\"indicatorId\":\"%s\","
                        + "\"period\":\"2018-%02d\",\"value\":%d,\"unit\":\"%s\",\"kind\":\"actual\","
                        + "\"observedAt\":\"2018-%02d-28T00:00:00Z\"}", eventId, planId, indicatorId, month, value,
                unit, month);
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
