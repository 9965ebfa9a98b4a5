package io.planscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The planscore paths, through the gateway only, with the admin key: ingestion throughput, the
 * end-to-end latency from a measurement POST to its {@code score-updated} SSE event, and a scoring burst.
 * Every benchmark is bounded in count and in time; each uses its own plan (a copy of the Keelung police
 * seed plan), so the backlog one leaves behind does not sit in front of the next one's events.
 */
final class PlanscoreBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDICATOR = "G2-K1";
    private static final String UNIT = "場";

    private final URI gateway;
    private final String apiKey;
    private final String bootstrap;
    private final byte[] seedPlan;
    private final Report report;
    private final double scale;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequence = new AtomicLong();

    PlanscoreBenchmark(URI gateway, String apiKey, String bootstrap, byte[] seedPlan, Report report, double scale) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.bootstrap = bootstrap;
        this.seedPlan = seedPlan;
        this.report = report;
        this.scale = scale;
    }

    /** P6/P7 alone: the scoring burst, on a fresh plan. */
    void runBurst() {
        try {
            burst(preparePlan());
        } catch (Exception e) {
            report.failed("P6/P7 scoring burst", e);
        }
    }

    void run() {
        String e2ePlan;
        try {
            e2ePlan = preparePlan();
        } catch (Exception e) {
            report.failed("planscore: creating a plan and getting a first measurement accepted", e);
            return;
        }
        try {
            endToEnd(e2ePlan);
        } catch (Exception e) {
            report.failed("P4/P5 end-to-end latency", e);
        }
        try {
            burst(preparePlan());
        } catch (Exception e) {
            report.failed("P6/P7 scoring burst", e);
        }
        String ingestPlan;
        try {
            ingestPlan = preparePlan();
        } catch (Exception e) {
            report.failed("P1-P3 ingestion: creating the plan", e);
            return;
        }
        try {
            singlePosts(ingestPlan);
        } catch (Exception e) {
            report.failed("P3 single-event posts", e);
        }
        try {
            batches("P1", ingestPlan, 1_000, 2, Math.max(3, (int) Math.round(10 * scale)));
        } catch (Exception e) {
            report.failed("P1 batches of 1,000", e);
        }
        try {
            batches("P2", ingestPlan, 10_000, 1, Math.max(2, (int) Math.round(3 * scale)));
        } catch (Exception e) {
            report.failed("P2 batches of 10,000", e);
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    /** A fresh copy of the seed plan, approved (version 1), once measurements-service accepts events for it. */
    private String preparePlan() throws Exception {
        HttpResponse<String> created = post("/api/v1/plans", seedPlan);
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
                    measurement(UUID.randomUUID().toString(), planId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            last = response.statusCode() + " " + abbreviate(response.body());
            if (response.statusCode() == 202 && JSON.readTree(response.body()).path("accepted").asInt() == 1) {
                return planId;
            }
            Thread.sleep(500);
        }
        throw new TimeoutException("plan " + planId + " created, but no measurement for it was accepted within 120 s; "
                + "last answer: " + last);
    }

    private String measurement(String eventId, String planId) {
        long n = sequence.incrementAndGet();
        int month = (int) (n % 12) + 1;
        return String.format(Locale.ROOT, "{\"eventId\":\"%s\",\"planId\":\"%s\",\"indicatorId\":\"%s\","
                        + "\"period\":\"2018-%02d\",\"value\":%d,\"unit\":\"%s\",\"kind\":\"actual\","
                        + "\"observedAt\":\"2018-%02d-28T00:00:00Z\"}", eventId, planId, INDICATOR, month, n % 10,
                UNIT, month);
    }

    private byte[] batch(String planId, List<String> eventIds) {
        StringBuilder body = new StringBuilder(eventIds.size() * 220 + 16).append("{\"events\":[");
        for (int i = 0; i < eventIds.size(); i++) {
            body.append(i == 0 ? "" : ",").append(measurement(eventIds.get(i), planId));
        }
        return body.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> newIds(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private static int accepted(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("POST /api/v1/measurements answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return JSON.readTree(response.body()).path("accepted").asInt();
    }

    // ---- P4/P5: end-to-end latency ---------------------------------------------------------------

    private void endToEnd(String planId) throws Exception {
        int warmUp = 20;
        int count = Math.max(200, (int) Math.round(240 * scale));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);
        java.util.Random random = new java.util.Random(42);
        Samples postLatency = new Samples();
        Samples e2e = new Samples();
        record Trip(String eventId, long sentWall, long answeredWall, long arrivedWall) {
        }
        List<Trip> trips = new ArrayList<>();
        int timeouts = 0;
        int consecutiveTimeouts = 0;
        long start = 0;
        try (EventTap tap = new EventTap(bootstrap); ScoreStream stream = new ScoreStream(gateway, apiKey, planId)) {
            stream.awaitConnected(Duration.ofSeconds(30));
            for (int i = 0; i < warmUp + count && System.nanoTime() < deadline; i++) {
                if (i == warmUp) {
                    start = System.nanoTime();
                }
                // A random pause, not counted: without it each trip starts right after the previous one
                // ended, i.e. in a fixed phase of the services' once-a-second scheduler ticks, and every trip
                // would measure the same (worst) phase instead of the average a real agency sees.
                Thread.sleep(random.nextInt(1000));
                String eventId = UUID.randomUUID().toString();
                CompletableFuture<ScoreStream.Arrival> arrival = stream.arrival(eventId);
                byte[] body = measurement(eventId, planId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                long sentWall = System.currentTimeMillis();
                long sent = System.nanoTime();
                HttpResponse<String> response = post("/api/v1/measurements", body);
                long answered = System.nanoTime();
                long answeredWall = System.currentTimeMillis();
                if (accepted(response) != 1) {
                    throw new IllegalStateException("measurement not accepted: " + abbreviate(response.body()));
                }
                ScoreStream.Arrival a;
                try {
                    a = arrival.get(30, TimeUnit.SECONDS);
                    consecutiveTimeouts = 0;
                } catch (TimeoutException e) {
                    timeouts++;
                    if (++consecutiveTimeouts >= 3) {
                        throw new TimeoutException("3 measurements in a row without their score-updated event within 30 s "
                                + "each (SSE events received: " + stream.events() + ", reconnects: " + stream.reconnects()
                                + ", MeasurementRecorded seen on Kafka: " + (tap.recordedAt(eventId) != null)
                                + ", ScoreUpdated seen on Kafka: " + (tap.scoredAt(eventId) != null) + ")");
                    }
                    continue;
                }
                if (i >= warmUp) {
                    postLatency.add(answered - sent);
                    e2e.add(a.nanos() - sent);
                    trips.add(new Trip(eventId, sentWall, answeredWall, a.wallMillis()));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("P4", "POST one measurement → 202, one client, sequential", postLatency.size(), seconds,
                    Double.NaN, "", postLatency, "the POSTs of P5; gateway → measurements-service");
            report.add("P5", "end to end: POST → its score-updated on the SSE stream", e2e.size(), seconds,
                    Double.NaN, "", e2e, "sequential with a random 0–1 s pause between trips, one plan, one SSE subscriber; "
                            + warmUp + " warm-up trips; score-updated events average "
                            + (stream.events() == 0 ? 0 : stream.bytes() / stream.events() / 1024) + " KB"
                            + (timeouts > 0 ? "; " + timeouts + " trips timed out (30 s) and are not counted" : "")
                            + (stream.reconnects() > 0 ? "; SSE reconnects: " + stream.reconnects() : ""));
            Thread.sleep(2000);
            Samples post = new Samples();
            Samples relayMeasurements = new Samples();
            Samples scoring = new Samples();
            Samples relayScores = new Samples();
            Samples toClient = new Samples();
            Samples scoringAndRelay = new Samples();
            for (Trip t : trips) {
                Long recorded = tap.recordedAt(t.eventId());
                EventTap.Scored scored = tap.scoredAt(t.eventId());
                post.add(millis(t.answeredWall() - t.sentWall()));
                if (recorded != null) {
                    relayMeasurements.add(millis(recorded - t.answeredWall()));
                }
                if (recorded != null && scored != null) {
                    scoringAndRelay.add(millis(scored.createTime() - recorded));
                    if (scored.computedAtMillis() > 0) {
                        scoring.add(millis(scored.computedAtMillis() - recorded));
                        relayScores.add(millis(scored.createTime() - scored.computedAtMillis()));
                    }
                }
                if (scored != null) {
                    toClient.add(millis(t.arrivedWall() - scored.createTime()));
                }
            }
            stage("1. POST → 202: gateway auth + forward, measurements-service validation, one transaction (row + outbox)", post);
            stage("2. 202 → MeasurementRecorded on Kafka: measurements-service outbox relay + send (negative: shipped before the 202 reached the client)", relayMeasurements);
            stage("3. → ScoreUpdated on Kafka: Kafka hop, scoring consume + recompute + commit, scoring outbox relay + send", scoringAndRelay);
            stage("3a. of which → `computedAt`: Kafka hop, scoring consume, load + recompute", scoring);
            stage("3b. of which `computedAt` → ScoreUpdated on Kafka: commit, scoring outbox relay + send", relayScores);
            stage("4. ScoreUpdated on Kafka → SSE event at the client: Kafka hop, gateway log insert, SSE write", toClient);
            stage("total (P5)", e2e);
            if (tap.failure() != null) {
                report.fact("the Kafka tap of the latency breakdown failed: " + tap.failure());
            }
        }
    }

    private static long millis(long ms) {
        return ms * 1_000_000L;
    }

    private void stage(String name, Samples samples) {
        if (samples.size() == 0) {
            report.breakdown("| " + name + " | not observed | |");
            return;
        }
        report.breakdown(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms |", name, samples.medianMillis(),
                samples.percentileMillis(95)));
    }

    // ---- P6/P7: a scoring burst ------------------------------------------------------------------

    private void burst(String planId) throws Exception {
        int total = Math.max(500, (int) Math.round(5_000 * scale));
        int batchSize = 500;
        long timeLimit = TimeUnit.MINUTES.toNanos(15);
        try (EventTap tap = new EventTap(bootstrap); ScoreStream stream = new ScoreStream(gateway, apiKey, planId)) {
            stream.awaitConnected(Duration.ofSeconds(30));
            List<String> ids = newIds(total);
            long[] postedAt = new long[total];
            long startWall = System.currentTimeMillis();
            long start = System.nanoTime();
            int accepted = 0;
            for (int from = 0; from < total; from += batchSize) {
                List<String> chunk = ids.subList(from, Math.min(total, from + batchSize));
                long sent = System.nanoTime();
                accepted += accepted(post("/api/v1/measurements", batch(planId, chunk)));
                for (int i = from; i < from + chunk.size(); i++) {
                    postedAt[i] = sent;
                }
            }
            double postSeconds = (System.nanoTime() - start) / 1e9;
            if (accepted != total) {
                throw new IllegalStateException(accepted + " of " + total + " burst events accepted");
            }
            String lastId = ids.get(total - 1);
            ScoreStream.Arrival last = null;
            try {
                last = stream.arrival(lastId).get(Math.max(1, timeLimit - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // reported below with what did arrive
            }
            // Stragglers: give events scored after the last one (if any) a few seconds more.
            long graceUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < graceUntil && ids.stream().anyMatch(id -> !stream.arrived(id))) {
                Thread.sleep(500);
            }
            Samples perEvent = new Samples();
            int seen = 0;
            for (int i = 0; i < total; i++) {
                CompletableFuture<ScoreStream.Arrival> f = stream.arrival(ids.get(i));
                if (f.isDone()) {
                    seen++;
                    perEvent.add(f.get().nanos() - postedAt[i]);
                }
            }
            int seenOnKafka = 0;
            long lastKafka = 0;
            List<Long> scoredTimes = new ArrayList<>();
            for (String id : ids) {
                EventTap.Scored s = tap.scoredAt(id);
                if (s != null) {
                    seenOnKafka++;
                    lastKafka = Math.max(lastKafka, s.createTime());
                    scoredTimes.add(s.createTime());
                }
            }
            java.util.Collections.sort(scoredTimes);
            String rates = rates(scoredTimes);
            List<String> unscored = ids.stream().filter(id -> tap.scoredAt(id) == null).toList();
            if (!unscored.isEmpty()) {
                long recordedOnKafka = unscored.stream().filter(id -> tap.recordedAt(id) != null).count();
                rates += "; " + unscored.size() + " events got NO ScoreUpdated of their own (" + recordedOnKafka
                        + " of them were on measurements.recorded.v1), e.g. " + unscored.get(0);
            }
            String common = String.format(Locale.ROOT, "%,d events in %d POSTs of %d (posting took %.1f s); ",
                    total, (total + batchSize - 1) / batchSize, batchSize, postSeconds);
            if (last == null) {
                double seconds = (System.nanoTime() - start) / 1e9;
                report.add("P6", "scoring burst: 5,000 events → last score-updated on SSE", seen, seconds,
                        seen / seconds, "events/s", perEvent, common + "TIME LIMIT reached: " + seen + " of " + total
                                + " score updates arrived on SSE, " + seenOnKafka + " on Kafka; " + rates);
                report.failed("P6 scoring burst", new TimeoutException("the last event's score-updated did not arrive within "
                        + TimeUnit.NANOSECONDS.toSeconds(timeLimit) + " s (" + seen + " of " + total + " did)"));
                return;
            }
            double seconds = (last.nanos() - start) / 1e9;
            report.add("P6", "scoring burst: 5,000 events → last score-updated on SSE", total, seconds, total / seconds,
                    "events/s", perEvent, common + "latency column = each event, from its batch's POST to its SSE event; "
                            + seen + " of " + total + " events had their own score-updated; " + stream.events()
                            + " score-updated events on SSE"
                            + (stream.reconnects() > 0 ? "; SSE reconnects: " + stream.reconnects() : ""));
            if (lastKafka > 0) {
                double kafkaSeconds = (lastKafka - startWall) / 1000.0;
                report.add("P7", "scoring burst, scoring side: → last ScoreUpdated on Kafka", seenOnKafka, kafkaSeconds,
                        total / kafkaSeconds, "events/s", null, "same burst as P6, observed on scoring.score-updated.v1; "
                                + seenOnKafka + " ScoreUpdated events for " + total + " measurements; " + rates);
            }
        }
    }

    /** How fast scoring went at the start and at the end of the burst (per-event cost grows with the plan's events). */
    private static String rates(List<Long> sortedCreateTimes) {
        int n = sortedCreateTimes.size();
        int window = Math.max(2, n / 10);
        if (n < 2 * window) {
            return "too few score updates to compare rates";
        }
        double first = (window - 1) * 1000.0 / Math.max(1, sortedCreateTimes.get(window - 1) - sortedCreateTimes.get(0));
        double last = (window - 1) * 1000.0 / Math.max(1, sortedCreateTimes.get(n - 1) - sortedCreateTimes.get(n - window));
        return String.format(Locale.ROOT, "scoring rate over the first %d: %.1f events/s, over the last %d: %.1f events/s",
                window, first, window, last);
    }

    // ---- P1-P3: ingestion ------------------------------------------------------------------------

    private void batches(String id, String planId, int size, int warmUp, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Samples perRequest = new Samples();
        long accepted = 0;
        long start = 0;
        int done = 0;
        for (int b = 0; b < warmUp + count && System.nanoTime() < deadline; b++) {
            byte[] body = batch(planId, newIds(size));
            if (b == warmUp) {
                start = System.nanoTime();
            }
            long t = System.nanoTime();
            int ok = accepted(post("/api/v1/measurements", body));
            if (ok != size) {
                throw new IllegalStateException(ok + " of " + size + " events accepted");
            }
            if (b >= warmUp) {
                perRequest.add(System.nanoTime() - t);
                accepted += ok;
                done++;
            }
        }
        if (done == 0) {
            throw new TimeoutException("the time limit (5 min) was reached during warm-up");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add(id, String.format(Locale.ROOT, "ingestion: POST batches of %,d events", size), accepted, seconds,
                accepted / seconds, "events/s", perRequest, String.format(Locale.ROOT,
                        "one client, sequential; latency column = one whole batch; %d batches after %d warm-up; "
                                + "scoring of earlier events runs meanwhile", done, warmUp));
    }

    private void singlePosts(String planId) throws Exception {
        int clients = 8;
        int warmUp = 200;
        int count = Math.max(500, (int) Math.round(3_000 * scale));
        long limit = TimeUnit.SECONDS.toNanos(90);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (Future<?> f : pool.invokeAll(java.util.Collections.nCopies(clients, () -> {
                for (int i = 0; i < warmUp / clients; i++) {
                    accepted(post("/api/v1/measurements", measurement(UUID.randomUUID().toString(), planId)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                return null;
            }))) {
                f.get();
            }
            Samples latency = new Samples();
            AtomicInteger remaining = new AtomicInteger(count);
            AtomicInteger rejected = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long start = System.nanoTime();
            long deadline = start + limit;
            List<java.util.concurrent.Callable<Void>> tasks = java.util.Collections.nCopies(clients, () -> {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline && failure.get() == null) {
                    byte[] body = measurement(UUID.randomUUID().toString(), planId)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> response = post("/api/v1/measurements", body);
                        latency.add(System.nanoTime() - t);
                        if (response.statusCode() != 202) {
                            rejected.incrementAndGet();
                            failure.compareAndSet(null, new IllegalStateException("HTTP " + response.statusCode() + ": "
                                    + abbreviate(response.body())));
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
                return null;
            });
            for (Future<?> f : pool.invokeAll(tasks)) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            report.add("P3", "ingestion: POST one event per request, " + clients + " clients", latency.size(), seconds,
                    latency.size() / seconds, "req/s", latency, "closed loop, " + clients + " concurrent clients, "
                            + "keep-alive; after " + warmUp + " warm-up requests");
        } finally {
            pool.shutdownNow();
        }
    }
}
