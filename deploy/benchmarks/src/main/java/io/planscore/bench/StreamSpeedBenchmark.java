package io.planscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scoring at stream speed (S1–S6): a 100,000-event burst over 10 plans, accepted and fully scored, with a probe on
 * another plan meanwhile; POST → SSE latency at rest and under 500 events/s; the scorecard's size and the history's
 * answer time after 100,000 events on a two-indicator plan; a rebuild of 1,000,000 stored events; the CPU time each
 * process spent on the burst. Completion is read from Kafka, not from per-event triggers (scoring
 * coalesces a batch into one update per plan-year): a burst is fully scored when scoring-service's consumer group has
 * committed everything on {@code measurements.recorded.v1} and the burst's events are all there; its last score is the
 * newest {@code ScoreUpdated} of the burst's plans.
 */
final class StreamSpeedBenchmark {

    private static final String INDICATOR = "G2-K1";
    private static final String UNIT = "場";
    private static final int YEAR = 2018;
    private static final String SCORING_GROUP = "scoring-service";

    private final GatewayClient client;
    private final String bootstrap;
    private final byte[] seedPlan;
    private final Report report;
    private final double scale;
    private final ServiceUsage usage;
    private final AtomicLong sequence = new AtomicLong();

    StreamSpeedBenchmark(GatewayClient client, String bootstrap, byte[] seedPlan, Report report, double scale,
                         ServiceUsage usage) {
        this.client = client;
        this.bootstrap = bootstrap;
        this.seedPlan = seedPlan;
        this.report = report;
        this.scale = scale;
        this.usage = usage;
    }

    /**
     * Runs the rows named in {@code rows} (S1 stands for the burst: S1, S2 and S2p; S6 needs S1's plans); returns the
     * burst's plans (none without S1).
     */
    List<String> run(Set<String> rows) {
        List<String> burstPlans = new ArrayList<>();
        try (Admin admin = Admin.create(adminProperties())) {
            try {
                if (rows.contains("S3")) {
                    latency("S3", "POST → its score-updated on SSE, at rest", preparePlan(), 0);
                }
                if (rows.contains("S4")) {
                    latency("S4", "POST → its score-updated on SSE, under 500 events/s", preparePlan(), 500);
                }
                if (rows.contains("S1")) {
                    for (int i = 0; i < 10; i++) {
                        burstPlans.add(preparePlan());
                    }
                    burst(admin, burstPlans, preparePlan());
                }
            } catch (Exception e) {
                report.failed("S1–S4 burst and latency", e);
            }
            try {
                if (rows.contains("S5")) {
                    scorecardSize(admin);
                }
            } catch (Exception e) {
                report.failed("S5 scorecard size after 100,000 events", e);
            }
            try {
                if (rows.contains("S6") && !burstPlans.isEmpty()) {
                    rebuild(admin, burstPlans);
                }
            } catch (Exception e) {
                report.failed("S6 rebuild of 1,000,000 stored events", e);
            }
        }
        return burstPlans;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    String preparePlan() throws Exception {
        return client.preparePlan(seedPlan, this::oneEvent);
    }

    /** One measurement for {@code planId}, a fresh event id. */
    String oneEvent(String planId) {
        return event(planId, INDICATOR);
    }

    private String event(String planId, String indicatorId) {
        return event(GatewayClient.newEventId(), planId, indicatorId);
    }

    private String event(String eventId, String planId, String indicatorId) {
        long n = sequence.incrementAndGet();
        return GatewayClient.event(eventId, planId, indicatorId, UNIT, (int) (n % 12) + 1, n % 10);
    }

    private byte[] batch(List<String> events) {
        return ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    // ---- S3/S4: latency at rest and under load ----------------------------------------------------

    /** Sequential trips on {@code planId} (no one else writes to it); {@code loadPerSecond} events/s go to another plan meanwhile. */
    private void latency(String id, String name, String planId, int loadPerSecond) throws Exception {
        int warmUp = 20;
        int count = Math.max(100, (int) Math.round(200 * scale));
        String loadPlan = loadPerSecond > 0 ? preparePlan() : null;
        AtomicBoolean loading = new AtomicBoolean(loadPerSecond > 0);
        AtomicLong loaded = new AtomicLong();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Samples trips = new Samples();
        java.util.Random random = new java.util.Random(7);
        long start = System.nanoTime();
        TripStages stages = new TripStages();
        try (EventTap tap = new EventTap(bootstrap);
             ScoreStream stream = new ScoreStream(client.uri(), client.apiKey(), planId)) {
            stream.awaitConnected(Duration.ofSeconds(30));
            Future<?> loader = load.submit(() -> {
                // 500 events/s as 10 batches of 50 a second, paced to the wall clock.
                int perTick = Math.max(1, loadPerSecond / 10);
                long next = System.nanoTime();
                while (loading.get()) {
                    List<String> events = new ArrayList<>(perTick);
                    for (int i = 0; i < perTick; i++) {
                        events.add(event(loadPlan, INDICATOR));
                    }
                    loaded.addAndGet(GatewayClient.accepted(client.post("/api/v1/measurements", batch(events))));
                    next += TimeUnit.MILLISECONDS.toNanos(100);
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            int timeouts = 0;
            for (int i = 0; i < warmUp + count && System.nanoTime() < deadline; i++) {
                Thread.sleep(random.nextInt(300));
                if (i == warmUp) {
                    start = System.nanoTime();
                }
                CompletableFuture<ScoreStream.Arrival> next = stream.nextUpdate(YEAR);
                String eventId = GatewayClient.newEventId();
                long sentWall = System.currentTimeMillis();
                long sent = System.nanoTime();
                if (GatewayClient.accepted(client.post("/api/v1/measurements",
                        event(eventId, planId, INDICATOR).getBytes(StandardCharsets.UTF_8))) != 1) {
                    throw new IllegalStateException("a latency probe was not accepted");
                }
                long answeredWall = System.currentTimeMillis();
                try {
                    ScoreStream.Arrival arrival = next.get(30, TimeUnit.SECONDS);
                    if (i >= warmUp) {
                        trips.add(arrival.nanos() - sent);
                        stages.add(new TripStages.Trip(eventId, sentWall, answeredWall, arrival.wallMillis()));
                    }
                } catch (TimeoutException e) {
                    if (++timeouts >= 3) {
                        throw new TimeoutException("3 probes without their score-updated within 30 s each");
                    }
                }
                if (loader.isDone()) {
                    loader.get(); // a failed load fails the benchmark
                }
            }
            loading.set(false);
            loader.get(30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add(id, name, trips.size(), seconds, Double.NaN, "", trips, (loadPerSecond > 0
                    ? String.format(Locale.ROOT, "%,d load events posted to another plan meanwhile (%.0f/s)",
                    loaded.get(), loaded.get() / seconds) : "nothing else running")
                    + "; one SSE subscriber on the probed plan; a random 0–300 ms pause between trips; " + warmUp
                    + " warm-up trips" + (timeouts > 0 ? "; " + timeouts + " timed out" : ""));
            Thread.sleep(2000); // the tap's last records
            stages.report(report, id, tap);
        } finally {
            loading.set(false);
            load.shutdownNow();
        }
    }

    // ---- S1/S2: the 100,000-event burst ------------------------------------------------------------

    private void burst(Admin admin, List<String> plans, String probePlan) throws Exception {
        int total = Math.max(10_000, (int) Math.round(100_000 * scale));
        int batchSize = 10_000;
        AtomicBoolean probing = new AtomicBoolean(true);
        Samples probes = new Samples();
        AtomicLong probesOverOneSecond = new AtomicLong();
        AtomicLong probesLost = new AtomicLong();
        TripStages stages = new TripStages();
        ExecutorService probe = Executors.newSingleThreadExecutor();
        try (ScoreUpdates updates = new ScoreUpdates(bootstrap);
             EventTap tap = new EventTap(bootstrap);
             ScoreStream probeStream = new ScoreStream(client.uri(), client.apiKey(), probePlan)) {
            probeStream.awaitConnected(Duration.ofSeconds(30));
            Map<String, Double> cpuBefore = usage.cpuSeconds();
            long startWall = System.currentTimeMillis();
            long start = System.nanoTime();
            Future<?> prober = probe.submit(() -> {
                while (probing.get()) {
                    Thread.sleep(1000);
                    CompletableFuture<ScoreStream.Arrival> next = probeStream.nextUpdate(YEAR);
                    String eventId = GatewayClient.newEventId();
                    long sentWall = System.currentTimeMillis();
                    long sent = System.nanoTime();
                    GatewayClient.accepted(client.post("/api/v1/measurements",
                            event(eventId, probePlan, INDICATOR).getBytes(StandardCharsets.UTF_8)));
                    long answeredWall = System.currentTimeMillis();
                    try {
                        ScoreStream.Arrival arrival = next.get(60, TimeUnit.SECONDS);
                        long nanos = arrival.nanos() - sent;
                        probes.add(nanos);
                        stages.add(new TripStages.Trip(eventId, sentWall, answeredWall, arrival.wallMillis()));
                        if (nanos > TimeUnit.SECONDS.toNanos(1)) {
                            probesOverOneSecond.incrementAndGet();
                        }
                    } catch (TimeoutException e) {
                        probesLost.incrementAndGet();
                    }
                }
                return null;
            });
            // Each batch holds events of all ten plans, as a county's agencies would send them together.
            int accepted = 0;
            for (int from = 0; from < total; from += batchSize) {
                List<String> events = new ArrayList<>(batchSize);
                for (int i = from; i < Math.min(total, from + batchSize); i++) {
                    events.add(event(plans.get(i % plans.size()), INDICATOR));
                }
                accepted += GatewayClient.accepted(client.post("/api/v1/measurements", batch(events)));
            }
            double acceptSeconds = (System.nanoTime() - start) / 1e9;
            if (accepted != total) {
                throw new IllegalStateException(accepted + " of " + total + " burst events accepted");
            }
            report.add("S1", String.format(Locale.ROOT, "burst: %,d events over 10 plans accepted (POST → 202)", total),
                    total, acceptSeconds, total / acceptSeconds, "events/s", null,
                    "batches of 10,000 through the gateway, one client, sequential");
            long scoredWall = awaitScored(admin, tap, total, TimeUnit.MINUTES.toMillis(15), updates, plans);
            Map<String, Double> cpuAfter = usage.cpuSeconds();
            probing.set(false);
            prober.get(90, TimeUnit.SECONDS);
            double seconds = (scoredWall - startWall) / 1000.0;
            report.fact("CPU seconds per 100,000 events, S1+S2 (first POST → fully scored, user + system from "
                    + "/proc/<pid>/stat; PostgreSQL = postmaster and all its children; the harness JVM also runs the "
                    + "probe and the poster): " + ServiceUsage.describeCpu(cpuBefore, cpuAfter, total));
            report.add("S2", String.format(Locale.ROOT, "burst: %,d events accepted and fully scored (→ last ScoreUpdated)",
                    total), total, seconds, total / seconds, "events/s", null, String.format(Locale.ROOT,
                    "%,d ScoreUpdated for the 10 plans during the burst (coalesced per plan-year and batch); done = "
                            + "scoring's consumer group committed everything on measurements.recorded.v1",
                    updates.count(plans)));
            report.add("S2p", "burst: one event for another plan meanwhile → its dashboard (SSE)", probes.size(), seconds,
                    Double.NaN, "", probes, probesOverOneSecond.get() + " of " + probes.size()
                            + " probes took over 1 s" + (probesLost.get() > 0 ? " (and " + probesLost.get()
                            + " had no update within 60 s)" : "") + "; one probe a second while the burst was scored");
            Thread.sleep(2000); // the tap's last records
            stages.report(report, "S2p", tap);
        } finally {
            probing.set(false);
            probe.shutdownNow();
        }
    }

    /**
     * Waits until {@code measurements.recorded.v1} holds at least {@code measurements} measurements of {@code plans}
     * since the tap started, and scoring-service's group has committed all of the topic; returns the create time of the
     * newest ScoreUpdated of {@code plans} then.
     */
    private long awaitScored(Admin admin, EventTap tap, long measurements, long limitMillis, ScoreUpdates updates,
                             List<String> plans) throws Exception {
        long deadline = System.currentTimeMillis() + limitMillis;
        while (System.currentTimeMillis() < deadline) {
            long end = endOffsets(admin, EventTap.RECORDED);
            if (tap.measurements(plans) >= measurements && committed(admin, EventTap.RECORDED) >= end) {
                Thread.sleep(2000); // the scoring outbox relays the last updates just after the commit
                long newest = updates.newest(plans);
                if (newest > 0) {
                    return newest;
                }
                // committed, yet not one update of these plans: the topic's count ran ahead of what it holds
            }
            Thread.sleep(500);
        }
        throw new TimeoutException("not fully scored within " + limitMillis / 1000 + " s: recorded "
                + tap.measurements(plans) + " of " + measurements + " measurements; scoring committed "
                + committed(admin, EventTap.RECORDED) + " of " + endOffsets(admin, EventTap.RECORDED) + " records");
    }

    private static long endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var partition : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
        }
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all().get().values()) {
            sum += info.offset();
        }
        return sum;
    }

    private static long committed(Admin admin, String topic) throws Exception {
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : admin.listConsumerGroupOffsets(SCORING_GROUP)
                .partitionsToOffsetAndMetadata().get().entrySet()) {
            if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
                sum += entry.getValue().offset();
            }
        }
        return sum;
    }

    // ---- S5: the scorecard after 100,000 events on a two-indicator plan ----------------------------

    private void scorecardSize(Admin admin) throws Exception {
        int total = Math.max(10_000, (int) Math.round(100_000 * scale));
        byte[] document = twoIndicatorPlan();
        String planId = client.preparePlan(document, this::oneEvent);
        try (ScoreUpdates updates = new ScoreUpdates(bootstrap); EventTap tap = new EventTap(bootstrap)) {
            long start = System.currentTimeMillis();
            for (int from = 0; from < total; from += 10_000) {
                List<String> events = new ArrayList<>(10_000);
                for (int i = from; i < Math.min(total, from + 10_000); i++) {
                    events.add(event(planId, i % 2 == 0 ? INDICATOR : "G2-K2"));
                }
                GatewayClient.accepted(client.post("/api/v1/measurements", batch(events)));
            }
            long scored = awaitScored(admin, tap, total, TimeUnit.MINUTES.toMillis(15), updates, List.of(planId));
            HttpResponse<String> scorecard = client.get("/api/v1/scores/plans/" + planId + "?year=" + YEAR);
            long t = System.nanoTime();
            HttpResponse<String> history = client.get("/api/v1/scores/plans/" + planId + "/history?year=" + YEAR);
            double historySeconds = (System.nanoTime() - t) / 1e9;
            Samples historyTime = new Samples();
            historyTime.add(Math.round(historySeconds * 1e9));
            report.add("S5", String.format(Locale.ROOT, "scorecard after %,d events on a two-indicator plan", total),
                    total, (scored - start) / 1000.0, Double.NaN, "", null, String.format(Locale.ROOT,
                            "GET scorecard: HTTP %d, %,d bytes; %,d ScoreUpdated while scoring them",
                            scorecard.statusCode(), scorecard.body().getBytes(StandardCharsets.UTF_8).length,
                            updates.count(List.of(planId))));
            report.add("S5h", "GET …/history?year= of that plan (first page)", 1, historySeconds, Double.NaN, "",
                    historyTime, String.format(Locale.ROOT, "HTTP %d, %,d bytes", history.statusCode(),
                            history.body().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    /**
     * The seed plan cut to one goal with two indicators: G2 with G2-K1 and a copy of it, G2-K2 (same target and
     * unit), and the document's counts set to match.
     */
    private byte[] twoIndicatorPlan() throws Exception {
        ObjectNode plan = (ObjectNode) GatewayClient.JSON.readTree(seedPlan);
        ObjectNode goal = null;
        for (JsonNode candidate : plan.path("goals")) {
            if ("G2".equals(candidate.path("id").asText())) {
                goal = (ObjectNode) candidate;
            }
        }
        if (goal == null) {
            throw new IllegalStateException("the seed plan has no goal G2");
        }
        ArrayNode indicators = (ArrayNode) goal.path("indicators");
        ObjectNode first = (ObjectNode) indicators.get(0);
        ObjectNode second = first.deepCopy();
        second.put("id", "G2-K2").put("no", "2");
        indicators.removeAll();
        indicators.add(first);
        indicators.add(second);
        ArrayNode onlyGoal = plan.putArray("goals");
        onlyGoal.add(goal);
        if (plan.path("programs").isArray()) {
            plan.putArray("programs");
        }
        ObjectNode counts = plan.putObject("counts");
        counts.put("goals_key_strategic", 1).put("goals_common", 0).put("kpis", 2).put("common_indicators", 0)
                .put("targets", first.path("targets").size() * 2);
        return GatewayClient.JSON.writeValueAsBytes(plan);
    }

    // ---- S6: a rebuild of 1,000,000 stored events ---------------------------------------------------

    /**
     * Tops the burst plans up to 1,000,000 stored events (batches of 10,000, two clients), waits until they are
     * scored, then runs {@code POST /api/v1/scores/rebuild} and follows its job until it ends.
     */
    private void rebuild(Admin admin, List<String> plans) throws Exception {
        long target = Math.max(50_000, Math.round(1_000_000 * scale));
        long stored = Math.max(10_000, Math.round(100_000 * scale)); // the burst's events, on the same plans
        long toPost = Math.max(0, target - stored);
        ExecutorService posters = Executors.newFixedThreadPool(2);
        AtomicLong posted = new AtomicLong();
        long postStart = System.nanoTime();
        long postStartWall = System.currentTimeMillis();
        long postDeadline = postStart + TimeUnit.MINUTES.toNanos(10);
        try (ScoreUpdates updates = new ScoreUpdates(bootstrap); EventTap tap = new EventTap(bootstrap)) {
            List<Future<?>> work = new ArrayList<>();
            for (int poster = 0; poster < 2; poster++) {
                work.add(posters.submit(() -> {
                    while (posted.get() < toPost && System.nanoTime() < postDeadline) {
                        List<String> events = new ArrayList<>(10_000);
                        for (int i = 0; i < 10_000; i++) {
                            events.add(event(plans.get(i % plans.size()), INDICATOR));
                        }
                        posted.addAndGet(GatewayClient.accepted(client.post("/api/v1/measurements", batch(events))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            double postSeconds = (System.nanoTime() - postStart) / 1e9;
            long scored = awaitScored(admin, tap, posted.get(), TimeUnit.MINUTES.toMillis(20), updates, plans);
            report.fact(String.format(Locale.ROOT, "S6 set-up: %,d more events posted in %.0f s (%,.0f events/s, two "
                            + "clients, batches of 10,000) and scored %.0f s after the first POST; %,d stored in all",
                    posted.get(), postSeconds, posted.get() / postSeconds,
                    (scored - postStartWall) / 1000.0,
                    stored + posted.get()));
        } finally {
            posters.shutdownNow();
        }
        long start = System.nanoTime();
        HttpResponse<String> started = client.post("/api/v1/scores/rebuild", new byte[0]);
        JsonNode result;
        if (started.statusCode() == 202) {
            String location = started.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("202 without a Location"));
            java.net.URI job = client.uri().resolve(location);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            do {
                Thread.sleep(500);
                result = GatewayClient.json(client.get(job.getRawPath()).body());
            } while (System.nanoTime() < deadline && !List.of("SUCCEEDED", "FAILED", "INTERRUPTED")
                    .contains(result.path("state").asText()));
        } else if (started.statusCode() == 200) {
            result = GatewayClient.json(started.body());
        } else {
            throw new IllegalStateException("POST /api/v1/scores/rebuild answered " + started.statusCode() + ": "
                    + GatewayClient.abbreviate(started.body()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long inputs = result.path("inputsReplayed").asLong(result.path("inputs").asLong());
        report.add("S6", String.format(Locale.ROOT, "rebuild of %,d stored events (job: POST → ended)", stored + posted.get()),
                inputs, seconds, inputs / seconds, "inputs/s", null, "state " + result.path("state").asText("(sync)")
                        + ", identical: " + result.path("identical").asText() + ", plan-years: "
                        + result.path("planYears").asText() + ", differing: " + result.path("differingPlanYears"));
    }
}
