package io.planscore.bench;

import io.planscore.infra.EmbeddedDatabase;
import io.planscore.infra.EmbeddedKafka;
import io.planscore.localrun.Platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar deploy/benchmarks/target/planscore-benchmarks.jar [--raw-only | --burst-only] [--only S1,S3,S4,S5,S6,S7,S8] [--scale 1.0] [--max-minutes 45]}
 *
 * <p>Starts a throw-away planscore (embedded PostgreSQL and Kafka, the four services as processes, on free
 * ports of 127.0.0.1), measures the raw ceiling of those same servers (plain Kafka produce/consume, plain
 * PostgreSQL inserts into a scratch database), then the planscore paths through the gateway, prints a
 * Markdown table and writes it to {@code deploy/benchmarks/target/results.md}. {@code --raw-only} measures
 * the ceiling alone, on a bare embedded Kafka and PostgreSQL; {@code --burst-only} scoring at stream speed and live
 * streams (S1–S8) alone, without the ceiling and the P rows; {@code --only} picks some of S1 (the burst, S1–S2p), S3,
 * S4, S5, S6 (which tops up S1's plans), S7 (10,000 filtered subscribers) and S8 (50 unfiltered streams). Every
 * benchmark is bounded in count and time; {@code --max-minutes} bounds the whole run. See docs/benchmarks.md.
 */
public final class Benchmarks {

    /** Raised for the services of the benchmark run only (the default is 100 requests/s per credential). */
    static final String RATE_LIMIT = "PLANSCORE_RATE_LIMIT_PER_SECOND";
    static final String RATE_BURST = "PLANSCORE_RATE_LIMIT_BURST";
    private static final String SEED_PLAN = "001_keelung-police_107-110.json";

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // jboss-logmanager is on the class path (through the embedded infrastructure): let it own JUL quietly.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        List<String> arguments = List.of(args);
        boolean rawOnly = arguments.contains("--raw-only");
        boolean burstOnly = arguments.contains("--burst-only");
        double scale = Double.parseDouble(option(arguments, "--scale", "1.0"));
        Set<String> rows = Set.of(option(arguments, "--only", "S1,S3,S4,S5,S6,S7,S8").split(","));
        long maxMinutes = Long.parseLong(option(arguments, "--max-minutes", "45"));
        Path repo = repositoryRoot(option(arguments, "--repo", System.getProperty("planscore.home")));
        Path out = Path.of(option(arguments, "--out", repo.resolve("deploy/benchmarks/target/results.md").toString()));

        if (!rawOnly && System.getenv(RATE_LIMIT) == null && !arguments.contains("--keep-rate-limit")) {
            System.exit(relaunchWithRaisedRateLimit(args));
        }
        watchdog(maxMinutes);

        Report report = new Report();
        System.out.printf(Locale.ROOT, "planscore benchmarks: %s, %d cores, %s; load %s; scale %.2f%n", Machine.jdk(),
                Machine.cores(), Machine.cpu(), Machine.load(), scale);
        if (rawOnly) {
            raw(report, scale);
        } else {
            full(report, repo, scale, burstOnly, rows);
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.println("Written to " + out);
        System.exit(report.hasFailures() ? 1 : 0);
    }

    /** The ceiling alone, on a bare embedded Kafka and PostgreSQL (the same classes the platform runs on). */
    private static void raw(Report report, double scale) {
        report.fact("raw ceiling only, on a bare embedded Kafka and PostgreSQL (no planscore services running)");
        System.out.println("Starting embedded PostgreSQL and Kafka ...");
        try (EmbeddedDatabase database = EmbeddedDatabase.startTemporary(); EmbeddedKafka kafka = EmbeddedKafka.startTemporary()) {
            runRaw(report, kafka.bootstrapServers(), database.jdbcUrl("postgres"), scale);
        }
    }

    private static void runRaw(Report report, String bootstrap, String postgresUrl, double scale) {
        System.out.println("Raw ceiling: Kafka ...");
        new RawKafkaBenchmark(bootstrap, report, scale).run();
        System.out.println("Raw ceiling: PostgreSQL ...");
        try {
            new RawPostgresBenchmark(postgresUrl, report, scale).run();
        } catch (RuntimeException e) {
            report.failed("PostgreSQL ceiling", e);
        }
    }

    private static void full(Report report, Path repo, double scale, boolean burstOnly, Set<String> rows)
            throws IOException {
        String adminKey = "psk_bench-" + UUID.randomUUID();
        byte[] seedPlan = seedPlan(repo);
        report.fact("gateway rate limit raised for this run: " + RATE_LIMIT + "=" + System.getenv(RATE_LIMIT) + ", "
                + RATE_BURST + "=" + System.getenv(RATE_BURST)
                + " (default 100 requests/s per credential, bursts of 400: with it one credential cannot exceed 100 "
                + "single-event posts/s)");
        System.out.println("Starting the platform (embedded PostgreSQL + Kafka, four services) ...");
        long t = System.nanoTime();
        Platform platform;
        try {
            platform = Platform.startTemporary(repo, adminKey);
        } catch (RuntimeException e) {
            report.failed("starting the platform (Platform.startTemporary)", e);
            System.out.println("The platform did not start: measuring the raw ceiling alone.");
            raw(report, scale);
            return;
        }
        Thread closer = new Thread(platform::close, "bench-platform-close");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            report.fact(String.format(Locale.ROOT, "platform started in %.0f s (load %s); services: %s each, as "
                    + "Platform starts them", (System.nanoTime() - t) / 1e9, Machine.load(),
                    String.join(" ", io.planscore.localrun.ServiceProcess.JVM_OPTIONS)));
            settle();
            PlanscoreBenchmark planscore = new PlanscoreBenchmark(platform.gateway().baseUri(), adminKey,
                    platform.kafkaBootstrapServers(), seedPlan, report, scale);
            ServiceUsage usage = new ServiceUsage(platform);
            GatewayClient client = new GatewayClient(platform.gateway().baseUri(), adminKey);
            StreamSpeedBenchmark streamSpeed = new StreamSpeedBenchmark(client, platform.kafkaBootstrapServers(),
                    seedPlan, report, scale, usage);
            LiveStreamsBenchmark liveStreams = new LiveStreamsBenchmark(client, report, scale, usage,
                    platform.gateway().pid(), streamSpeed::preparePlan, streamSpeed::oneEvent);
            if (!burstOnly) {
                report.fact("raw ceiling measured on the platform's own Kafka and PostgreSQL, with the four services idle");
                runRaw(report, platform.kafkaBootstrapServers(), platform.jdbcUrl("postgres"), scale);
            }
            System.out.println("scoring at stream speed through the gateway " + platform.gateway().baseUri() + " ...");
            report.fact("RSS at rest (VmRSS, after start and settling): " + ServiceUsage.describe(usage.sample()));
            usage.start();
            try {
                List<String> burstPlans = streamSpeed.run(rows);
                System.out.println("live streams through the gateway ...");
                liveStreams.run(rows, burstPlans);
            } finally {
                report.fact("RSS peak during S1–S8 (VmRSS, sampled twice a second): "
                        + ServiceUsage.describe(usage.peaks()));
                usage.close();
            }
            if (!burstOnly) {
                System.out.println("planscore paths through the gateway " + platform.gateway().baseUri() + " ...");
                planscore.run();
            }
            serviceLogs(report, platform);
        } finally {
            Runtime.getRuntime().removeShutdownHook(closer);
            System.out.println("Stopping the platform ...");
            platform.close();
        }
    }

    /**
     * Four JVMs just started and compiled their hot paths: give the machine up to a minute to calm down
     * (1-minute load below twice the cores) so the ceiling is not measured during the services' warm-up.
     */
    private static void settle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            Thread.sleep(10_000);
            while (System.nanoTime() < deadline && Double.parseDouble(Machine.load1()) > 2.0 * Machine.cores()) {
                Thread.sleep(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NumberFormatException e) {
            // no load average here: the fixed pause is all
        }
        System.out.println("Load before the ceiling: " + Machine.load());
    }

    /**
     * What the services said that bears on the numbers: scheduler warnings, how many ERROR lines, and signs of
     * overload (Vert.x's blocked-thread warnings, OutOfMemoryError).
     */
    private static void serviceLogs(Report report, Platform platform) {
        for (String name : List.of("plans-service", "measurements-service", "scoring-service", "gateway")) {
            try {
                List<String> lines = Files.readAllLines(platform.service(name).log(), StandardCharsets.UTF_8);
                long errors = lines.stream().filter(line -> line.contains(" ERROR ")).count();
                long blocked = lines.stream().filter(line -> line.contains(" has been blocked for ")).count();
                long outOfMemory = lines.stream().filter(line -> line.contains("OutOfMemoryError")).count();
                String scheduler = lines.stream().filter(line -> line.contains("every() value less than"))
                        .map(line -> line.substring(line.indexOf("An every()"))).findFirst().orElse(null);
                report.fact(name + " log: " + errors + " ERROR lines, " + blocked + " blocked-thread warnings, "
                        + outOfMemory + " lines naming OutOfMemoryError" + (scheduler == null ? ""
                        : "; Quarkus warned at start: \"" + scheduler + "\""));
            } catch (IOException | RuntimeException e) {
                report.fact(name + " log unreadable: " + e.getMessage());
            }
        }
    }

    /**
     * The services inherit this JVM's environment (Platform adds only its own variables), so the raised
     * limit reaches the gateway only if it is in the environment before the platform starts.
     */
    private static int relaunchWithRaisedRateLimit(String[] args) throws IOException, InterruptedException, URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Benchmarks.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(RATE_LIMIT, "1000000");
        builder.environment().put(RATE_BURST, "1000000");
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        return child.waitFor();
    }

    private static void watchdog(long minutes) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(minutes));
                System.err.println("Time limit of " + minutes + " min reached: stopping.");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    /** The repository: given, or found upwards from this jar (deploy/benchmarks/target/...) or the working directory. */
    private static Path repositoryRoot(String given) throws URISyntaxException {
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy/local-run"))) {
                    return p.normalize();
                }
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static byte[] seedPlan(Path repo) throws IOException {
        Path file = repo.resolve("deploy/local-run/src/main/resources/seed-plans/" + SEED_PLAN);
        if (Files.isRegularFile(file)) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = Benchmarks.class.getResourceAsStream("/seed-plans/" + SEED_PLAN)) {
            if (in == null) {
                throw new IOException("seed plan " + SEED_PLAN + " not found under " + repo);
            }
            return in.readAllBytes();
        }
    }
}
