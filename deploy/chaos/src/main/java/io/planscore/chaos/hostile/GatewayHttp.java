package io.planscore.chaos.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The campaign's one way into planscore: HTTP/1.1 to the gateway on this machine, as any client would call it. */
final class GatewayHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Enough for a 10,000-event report; the rest of a longer body (an export) is not needed for any check. */
    private static final int BODY_LIMIT = 8 * 1024 * 1024;

    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    GatewayHttp(URI gateway) {
        this.gateway = gateway;
    }

    /** Sends one request; a request the client cannot even form, or that gets no answer, is an Answer too. */
    Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body, boolean headOnly) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(gateway + pathAndQuery)).timeout(Duration.ofSeconds(120))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
        } catch (IllegalArgumentException unsendable) {
            return Answer.none("the client cannot send it: " + unsendable.getMessage());
        }
        try {
            return receive(request.build(), headOnly);
        } catch (IOException closedUnderfoot) {
            // A connection the server had closed (after a refusal) may be taken from the pool just then: one
            // more try, which opens a new one; what fails twice got no answer.
            try {
                return receive(request.build(), headOnly);
            } catch (IOException e) {
                return Answer.none(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private Answer receive(HttpRequest request, boolean headOnly) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                byte[] head = headOnly && response.statusCode() == 200 ? new byte[0] : in.readNBytes(BODY_LIMIT);
                return new Answer(response.statusCode(), contentType, response.headers(), head, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none("interrupted");
        }
    }

    /** A call of the campaign's own (setting up, counting): anything but {@code expected} stops the campaign. */
    JsonNode call(String method, String pathAndQuery, String apiKey, String contentType, String body, int expected) {
        Map<String, String> headers = contentType == null ? Map.of("X-API-Key", apiKey)
                : Map.of("X-API-Key", apiKey, "Content-Type", contentType);
        Answer answer = send(method, pathAndQuery, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false);
        if (answer.status() != expected) {
            throw new IllegalStateException(method + " " + pathAndQuery + " answered " + answer.status() + " (expected "
                    + expected + "): " + HostileRequest.abbreviate(answer.failure() != null ? answer.failure() : answer.text(), 400));
        }
        return readJson(answer);
    }

    static JsonNode readJson(Answer answer) {
        try {
            return answer.body().length == 0 ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException notJson) {
            return JSON.nullNode();
        }
    }
}
