package io.planscore.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Live streams at scale (S7, S8): many dashboards on one gateway, and whether they slow everyone else.
 * <ul>
 *   <li>S7: 10,000 SSE subscribers filtered by plan, spread over ten plans, opened through one {@link SseCrowd}; the
 *       time until all are open and caught up, then one update per plan and how long it takes to reach every
 *       subscriber (three rounds); a plain GET is timed all along (S7r at rest, S7o while they open, S7g while they
 *       are open and updates go out).</li>
 *   <li>S8: 50 unfiltered streams (every plan's current scorecards) opened at once by an administrator while the
 *       plain GET is timed (S8r at rest just before); S8h the same with {@code Last-Event-ID: 1}, a replay of the
 *       whole update log to each of the 50.</li>
 * </ul>
 * The plain GET is {@code GET /api/v1/plans?size=20}, one client, sequential, 20 ms apart.
 */
final class LiveStreamsBenchmark {

    private static final String STREAM = "/api/v1/scores/stream";
    private static final String PLAIN_GET = "/api/v1/plans?size=20";
    private static final int UPDATE_ROUNDS = 3;
    private static final int UNFILTERED_STREAMS = 50;

    private final GatewayClient client;
    private final Report report;
    private final double scale;
    private final ServiceUsage usage;
    private final long gatewayPid;
    private final Callable<String> newPlan;
    private final Function<String, String> eventFor;

    /** {@code newPlan} prepares a plan that takes measurements; {@code eventFor} makes one measurement of a plan. */
    LiveStreamsBenchmark(GatewayClient client, Report report, double scale, ServiceUsage usage, long gatewayPid,
                         Callable<String> newPlan, Function<String, String> eventFor) {
        this.client = client;
        this.report = report;
        this.scale = scale;
        this.usage = usage;
        this.gatewayPid = gatewayPid;
        this.newPlan = newPlan;
        this.eventFor = eventFor;
    }

    /** Runs S7 and/or S8 as {@code rows} asks, on {@code plans} (ten new ones when empty). */
    void run(Set<String> rows, List<String> plans) {
        if (rows.contains("S7")) {
            try {
                manyFiltered(plans.isEmpty() ? newPlans(10) : plans);
            } catch (Exception e) {
                report.failed("S7 10,000 filtered subscribers", e);
            }
        }
        if (rows.contains("S8")) {
            try {
                unfiltered("S8", null);
                unfiltered("S8h", "1");
            } catch (Exception e) {
                report.failed("S8 50 unfiltered streams", e);
            }
        }
    }

    private List<String> newPlans(int count) throws Exception {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            plans.add(newPlan.call());
        }
        return plans;
    }

    // ---- S7 ---------------------------------------------------------------------------------------------------

    private void manyFiltered(List<String> plans) throws Exception {
        int wanted = Math.max(1_000, (int) Math.round(10_000 * scale));
        long harnessFiles = openFilesLimit(ProcessHandle.current().pid());
        long gatewayFiles = openFilesLimit(gatewayPid);
        // each subscriber is one socket in the harness and one in the gateway; leave room for everything else
        int subscribers = (int) Math.min(wanted, Math.min(harnessFiles, gatewayFiles) - 2_000);
        report.fact(String.format(Locale.ROOT, "S7: open files limit (ulimit -n, soft) %,d for the harness and %,d "
                + "for the gateway%s", harnessFiles, gatewayFiles, subscribers < wanted ? String.format(Locale.ROOT,
                ": too few for %,d subscribers, so %,d", wanted, subscribers) : ""));
        List<String> paths = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i++) {
            paths.add(STREAM + "?planId=" + plans.get(i % plans.size()));
        }
        try (PlainGets gets = new PlainGets(client)) {
            plainGet("S7r", "plain GET at rest, before S7", gets.runFor(Duration.ofSeconds(10)), PLAIN_GET
                    + ", one client, sequential, 20 ms apart");
            Map<String, Double> cpuBefore = usage.cpuSeconds();
            try (SseCrowd crowd = new SseCrowd(client.uri(), client.apiKey(), null, 500)) {
                gets.next();
                long start = System.nanoTime();
                crowd.open(paths);
                boolean answered = crowd.awaitAnswered(Duration.ofMinutes(5));
                double answeredSeconds = (System.nanoTime() - start) / 1e9;
                boolean caughtUp = crowd.awaitFirstUpdate(Duration.ofMinutes(3));
                double caughtUpSeconds = (crowd.lastFirstUpdate() - start) / 1e9;
                PlainGets.Phase whileOpening = gets.next();
                report.add("S7", String.format(Locale.ROOT, "%,d SSE subscribers filtered by plan: open and caught up",
                                subscribers), crowd.opened(), caughtUpSeconds, crowd.opened() / caughtUpSeconds,
                        "subscribers/s", crowd.openTimes(), String.format(Locale.ROOT, "%,d subscribers over %d plans, "
                                        + "raw sockets on one selector thread, at most 500 waiting for their status at "
                                        + "once; all answered in %.1f s%s, all caught up (first score-updated) in %.1f "
                                        + "s%s; latency column = connect → 200; %,d refused%s; %,d dropped, %,d resync",
                                subscribers, plans.size(), answeredSeconds, answered ? "" : " (not all within 5 min)",
                                caughtUpSeconds, caughtUp ? "" : " (not all within 3 min)", crowd.refused(),
                                crowd.refused() == 0 ? "" : " " + crowd.refusals(), crowd.dropped(), crowd.resyncs()));
                plainGet("S7o", "plain GET while S7's subscribers open", whileOpening, "");
                crowd.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30));
                gets.next();
                Samples arrivals = new Samples();
                List<String> slowest = new ArrayList<>();
                int missing = 0;
                for (int round = 0; round < UPDATE_ROUNDS; round++) {
                    int live = crowd.live();
                    List<String> events = new ArrayList<>();
                    plans.forEach(plan -> events.add(eventFor.apply(plan)));
                    crowd.arm();
                    long sent = System.nanoTime();
                    GatewayClient.accepted(client.post("/api/v1/measurements",
                            ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8)));
                    Samples delays = crowd.arrivals(sent, Duration.ofSeconds(60));
                    arrivals.addAll(delays);
                    missing += live - delays.size();
                    slowest.add(String.format(Locale.ROOT, "%,.0f ms", delays.percentileMillis(100)));
                    crowd.awaitQuiet(Duration.ofSeconds(2), Duration.ofSeconds(30));
                }
                PlainGets.Phase whileOpen = gets.next();
                report.add("S7u", String.format(Locale.ROOT, "one update per plan → all %,d subscribers", crowd.live()),
                        arrivals.size(), whileOpen.seconds(), Double.NaN, "", arrivals, String.format(Locale.ROOT,
                                "%d rounds, each one POST of one event for each of the %d plans; latency column = POST "
                                        + "sent → that plan's score-updated at each subscriber; the last subscriber "
                                        + "had it after %s; %,d subscriber-rounds without it within 60 s; %,d dropped, "
                                        + "%,d resync", UPDATE_ROUNDS, plans.size(), String.join(", ", slowest), missing,
                                crowd.dropped(), crowd.resyncs()));
                plainGet("S7g", String.format(Locale.ROOT, "plain GET while %,d subscribers are open", crowd.live()),
                        whileOpen, "during S7u's update rounds");
            }
            report.fact("CPU seconds during S7 (subscribers opened, three update rounds; user + system): "
                    + ServiceUsage.describeCpu(cpuBefore, usage.cpuSeconds()));
        }
    }

    private void plainGet(String id, String name, PlainGets.Phase phase, String notes) {
        report.add(id, name, phase.latency().size(), phase.seconds(), phase.latency().size() / phase.seconds(),
                "req/s", phase.latency(), phase.errors() + (notes.isEmpty() ? "" : "; " + notes));
    }

    // ---- S8 ---------------------------------------------------------------------------------------------------

    /** 50 unfiltered streams at once; {@code lastEventId} "1" makes each replay the whole log. */
    private void unfiltered(String id, String lastEventId) throws Exception {
        try (PlainGets gets = new PlainGets(client)) {
            plainGet(id + "r", "plain GET at rest, before " + id, gets.runFor(Duration.ofSeconds(10)), "");
            Map<String, Double> cpuBefore = usage.cpuSeconds();
            try (SseCrowd crowd = new SseCrowd(client.uri(), client.apiKey(), lastEventId, UNFILTERED_STREAMS)) {
                gets.next();
                long start = System.nanoTime();
                crowd.open(Collections.nCopies(UNFILTERED_STREAMS, STREAM));
                crowd.awaitAnswered(Duration.ofMinutes(2));
                boolean quiet = crowd.awaitQuiet(Duration.ofSeconds(2), Duration.ofMinutes(3));
                double quietSeconds = (System.nanoTime() - start) / 1e9 - (quiet ? 2 : 0);
                // at least 10 s of GETs with the streams open, also when their catch-up was quick
                Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(10) - (System.nanoTime() - start) / 1_000_000));
                PlainGets.Phase during = gets.next();
                plainGet(id, String.format(Locale.ROOT, "plain GET while %d unfiltered streams open at once (%s)",
                        UNFILTERED_STREAMS, lastEventId == null ? "current scorecards" : "Last-Event-ID: "
                                + lastEventId + ", the whole log"), during, String.format(Locale.ROOT,
                        "streams: %d opened, %d refused%s, %d dropped, %d resync; each received %,d score-updated "
                                + "(%,.0f KB), all quiet after %.1f s%s; gateway CPU %.1f s; target p99 < 100 ms",
                        crowd.opened(), crowd.refused(), crowd.refused() == 0 ? "" : " " + crowd.refusals(),
                        crowd.dropped(), crowd.resyncs(), crowd.updates() / Math.max(1, crowd.opened()),
                        crowd.bytes() / 1024.0 / Math.max(1, crowd.opened()), quietSeconds,
                        quiet ? "" : " (still sending after 3 min)", gatewayCpu(cpuBefore)));
            }
        }
    }

    private double gatewayCpu(Map<String, Double> before) {
        return usage.cpuSeconds().get("gateway") - before.get("gateway");
    }

    private static long openFilesLimit(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: assume enough
        }
        return Long.MAX_VALUE;
    }

    /**
     * The plain GET, timed by one client in the background, sequential, 20 ms apart, in phases: {@link #next()} ends
     * one and returns what it measured; errors (any status but 200, or no answer) are counted per phase.
     */
    private static final class PlainGets implements AutoCloseable {

        /** One phase: the GETs' latencies, how long it lasted, and its errors. */
        record Phase(Samples latency, double seconds, String errors) {
        }

        private final AtomicReference<Samples> current = new AtomicReference<>(new Samples());
        private final AtomicReference<AtomicInteger> errors = new AtomicReference<>(new AtomicInteger());
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private final Thread thread;
        private volatile boolean closed;
        private long phaseStart = System.nanoTime();

        PlainGets(GatewayClient client) {
            thread = new Thread(() -> {
                while (!closed) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.get(PLAIN_GET);
                        current.get().add(System.nanoTime() - t);
                        if (response.statusCode() != 200) {
                            error("HTTP " + response.statusCode() + " " + GatewayClient.abbreviate(response.body()));
                        }
                        Thread.sleep(20);
                    } catch (IOException e) {
                        current.get().add(System.nanoTime() - t);
                        error(e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-plain-get");
            thread.setDaemon(true);
            thread.start();
        }

        private void error(String what) {
            errors.get().incrementAndGet();
            firstError.compareAndSet(null, what);
        }

        /** Lets the GETs run for {@code duration}, then ends the phase. */
        Phase runFor(Duration duration) throws InterruptedException {
            next();
            Thread.sleep(duration.toMillis());
            return next();
        }

        /** Ends the current phase and starts the next. */
        Phase next() {
            long now = System.nanoTime();
            Samples latency = current.getAndSet(new Samples());
            int failed = errors.getAndSet(new AtomicInteger()).get();
            String first = firstError.getAndSet(null);
            Phase phase = new Phase(latency, (now - phaseStart) / 1e9,
                    failed == 0 ? "no errors" : failed + " errors, the first: " + first);
            phaseStart = now;
            return phase;
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
        }
    }
}
