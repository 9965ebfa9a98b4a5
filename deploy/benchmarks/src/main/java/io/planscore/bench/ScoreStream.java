package io.planscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.infra.SseFrames;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A dashboard's view: {@code GET /api/v1/scores/stream?planId=} as Server-Sent Events. Every
 * {@code score-updated} event is matched to the measurement that triggered it ({@code trigger.eventId})
 * and time-stamped on arrival. On {@code resync} or a dropped connection it reconnects with
 * {@code Last-Event-ID}, as the API asks clients to.
 */
final class ScoreStream implements AutoCloseable {

    /** When the score update of one event reached this client. */
    record Arrival(long nanos, long wallMillis, long scoreVersion, String computedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CompletableFuture<Arrival>> arrivals = new ConcurrentHashMap<>();
    private final Map<Integer, java.util.List<CompletableFuture<Arrival>>> nextByYear = new ConcurrentHashMap<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Thread reader;
    private volatile boolean closed;
    private volatile InputStream body;
    private volatile String lastEventId;
    private volatile String problem;

    ScoreStream(URI gateway, String apiKey, String planId) {
        this.uri = gateway.resolve("/api/v1/scores/stream?planId=" + planId);
        this.apiKey = apiKey;
        reader = new Thread(this::readLoop, "bench-sse-" + planId);
        reader.setDaemon(true);
        reader.start();
    }

    void awaitConnected(Duration timeout) throws InterruptedException {
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("SSE stream " + uri + " not open within " + timeout
                    + (problem == null ? "" : ": " + problem));
        }
    }

    /** Completes when the score update triggered by {@code eventId} arrives (or has arrived). */
    CompletableFuture<Arrival> arrival(String eventId) {
        return arrivals.computeIfAbsent(eventId, k -> new CompletableFuture<>());
    }

    /**
     * Completes with the next {@code score-updated} of {@code year} that arrives after this call, whatever
     * triggered it: when only one client writes to the plan, that is the update its measurement caused, even when
     * scoring coalesced it with others.
     */
    CompletableFuture<Arrival> nextUpdate(int year) {
        CompletableFuture<Arrival> next = new CompletableFuture<>();
        nextByYear.computeIfAbsent(year, y -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(next);
        return next;
    }

    boolean arrived(String eventId) {
        CompletableFuture<Arrival> f = arrivals.get(eventId);
        return f != null && f.isDone();
    }

    long events() {
        return events.get();
    }

    long bytes() {
        return bytes.get();
    }

    int reconnects() {
        return reconnects.get();
    }

    private void readLoop() {
        while (!closed) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("X-API-Key", apiKey)
                        .header("Accept", "text/event-stream");
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                body = response.body();
                if (response.statusCode() != 200) {
                    problem = "HTTP " + response.statusCode() + ": " + new String(body.readNBytes(2000), StandardCharsets.UTF_8);
                    body.close();
                    sleep(1000);
                    continue;
                }
                connected.countDown();
                read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
            } catch (Exception e) {
                problem = e.toString();
            }
            if (!closed) {
                reconnects.incrementAndGet();
                sleep(200);
            }
        }
    }

    private void read(BufferedReader lines) throws Exception {
        SseFrames.read(lines, () -> closed, this::dispatch);
    }

    private void dispatch(String id, String name, String data) throws Exception {
        long now = System.nanoTime();
        long wall = System.currentTimeMillis();
        bytes.addAndGet(data.length());
        if ("resync".equals(name)) {
            problem = "resync: " + data;
            body.close();
            return;
        }
        if (!"score-updated".equals(name)) {
            return;
        }
        if (id != null) {
            lastEventId = id;
        }
        events.incrementAndGet();
        JsonNode update = JSON.readTree(data);
        Arrival arrival = new Arrival(now, wall, update.path("scoreVersion").asLong(-1),
                update.path("computedAt").asText(null));
        String trigger = update.path("trigger").path("eventId").asText(null);
        if (trigger != null) {
            arrival(trigger).complete(arrival);
        }
        java.util.List<CompletableFuture<Arrival>> waiting = nextByYear.get(update.path("year").asInt(-1));
        if (waiting != null) {
            for (CompletableFuture<Arrival> next : waiting) {
                next.complete(arrival);
                waiting.remove(next);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (body != null) {
                body.close();
            }
        } catch (Exception e) {
            // closing
        }
        reader.interrupt();
    }
}
