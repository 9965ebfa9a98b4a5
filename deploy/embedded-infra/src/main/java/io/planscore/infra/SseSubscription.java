package io.planscore.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events subscriber for tests, as a dashboard would be: it opens the stream with the
 * given headers (an API key, a {@code Last-Event-ID}) and records every event it receives, until closed.
 */
public final class SseSubscription implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;

    private SseSubscription(InputStream body) {
        this.body = body;
        Thread reader = new Thread(this::read, "sse-subscription");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects (waiting for the response headers) and starts recording in the background. */
    public static SseSubscription open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            return new SseSubscription(HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to " + uri, e);
        }
    }

    /** Every event received so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of one name ({@code score-updated}), in order. */
    public List<Event> events(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            SseFrames.read(lines, () -> false, (id, name, data) -> events.add(new Event(id, name, data)));
        } catch (Exception closed) {
            // closed by the test, or the server went away: what was received stays readable
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
