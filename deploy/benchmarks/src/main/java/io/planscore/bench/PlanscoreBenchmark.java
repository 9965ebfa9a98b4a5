package io.planscore.bench;


import java.io.IOException;
import java.net.URI;
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
 * The planscore paths, through the gateway only, with the admin key: ingestion throughput and the
 * end-to-end latency from a measurement POST to its {@code score-updated} SSE event (the scoring burst is
 * {@link StreamSpeedBenchmark}'s).
 * Every benchmark is bounded in count and in time; each uses its own plan (a copy of the Keelung police
 * seed plan), so the backlog one leaves behind does not sit in front of the next one's events.
 */
final class PlanscoreBenchmark {

    private static final String INDICATOR = "G2-K1";
    private static final String UNIT = "場";

    private final URI gateway;
    private final String apiKey;
    private final String bootstrap;
    private final byte[] seedPlan;
    private final Report report;
    private final double scale;
    private final GatewayClient client;
    private final AtomicLong sequence = new AtomicLong();

    PlanscoreBenchmark(URI gateway, String apiKey, String bootstrap, byte[] seedPlan, Report report, double scale) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.bootstrap = bootstrap;
        this.seedPlan = seedPlan;
        this.report = report;
        this.scale = scale;
        this.client = new GatewayClient(gateway, apiKey);
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
        return client.post(path, body);
    }

    private static String abbreviate(String text) {
        return GatewayClient.abbreviate(text);
    }

    /** A fresh copy of the seed plan, approved (version 1), once measurements-service accepts events for it. */
    private String preparePlan() throws Exception {
        return client.preparePlan(seedPlan, planId -> measurement(UUID.randomUUID().toString(), planId));
    }

    private String measurement(String eventId, String planId) {
        long n = sequence.incrementAndGet();
        return GatewayClient.event(eventId, planId, INDICATOR, UNIT, (int) (n % 12) + 1, n % 10);
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
        return GatewayClient.accepted(response);
    }

    // ---- P4/P5: end-to-end latency ---------------------------------------------------------------

    private void endToEnd(String planId) throws Exception {
        int warmUp = 20;
        int count = Math.max(200, (int) Math.round(240 * scale));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(12);
        java.util.Random random = new java.util.Random(42);
        Samples postLatency = new Samples();
        Samples e2e = new Samples();
        TripStages trips = new TripStages();
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
                // No one else writes to this plan: the next update of 2018 is this measurement's.
                CompletableFuture<ScoreStream.Arrival> arrival = stream.nextUpdate(2018);
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
                                + ", recorded on Kafka: " + (tap.recordedAt(eventId) != null)
                                + ", ScoreUpdated seen on Kafka: " + (tap.scoredAt(eventId) != null) + ")");
                    }
                    continue;
                }
                if (i >= warmUp) {
                    postLatency.add(answered - sent);
                    e2e.add(a.nanos() - sent);
                    trips.add(new TripStages.Trip(eventId, sentWall, answeredWall, a.wallMillis()));
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
            trips.report(report, "P5", tap);
        }
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
