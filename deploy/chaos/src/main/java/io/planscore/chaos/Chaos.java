package io.planscore.chaos;

import io.planscore.chaos.hostile.HostileCampaign;
import io.planscore.chaos.hostile.HostileReport;
import io.planscore.chaos.hostile.PlatformSecrets;
import io.planscore.localrun.Platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar deploy/chaos/target/planscore-chaos.jar hostile [--requests 100000] [--seed N] [--threads 4]
 * [--repo DIR] [--report docs/reliability.md | --no-report] [--max-minutes 120]}
 *
 * <p>Starts a throw-away planscore (embedded PostgreSQL and Kafka, the four services as processes, on free ports
 * of 127.0.0.1) and runs a campaign against it. {@code hostile}: generated hostile requests to every public
 * operation of the gateway ({@link HostileCampaign}); the results are printed and appended to
 * docs/reliability.md. Exits 0 when every rule held, 1 when one broke. Bounded by request count and by
 * {@code --max-minutes} (of requests sent: whatever was sent by then is reported).
 */
public final class Chaos {

    /**
     * The campaign calls from one address with a handful of keys, faster than the gateway lets a client: its
     * per-credential rate limit and its limit on failed credentials per address are raised for this run only.
     */
    static final Map<String, String> RAISED_LIMITS = Map.of("PLANSCORE_RATE_LIMIT_PER_SECOND", "1000000",
            "PLANSCORE_RATE_LIMIT_BURST", "1000000", "PLANSCORE_AUTH_FAILURES_LIMIT", "1000000");

    private Chaos() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || !arguments.get(0).equals("hostile")) {
            System.err.println("usage: java -jar planscore-chaos.jar hostile [--requests 100000] [--seed N] "
                    + "[--threads 4] [--repo DIR] [--report FILE | --no-report] [--max-minutes 120]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (RAISED_LIMITS.keySet().stream().anyMatch(name -> System.getenv(name) == null)) {
            System.exit(relaunchWithRaisedLimits(args));
        }
        long requests = Long.parseLong(option(arguments, "--requests", "100000"));
        long seed = Long.parseLong(option(arguments, "--seed", String.valueOf(System.currentTimeMillis())));
        int threads = Integer.parseInt(option(arguments, "--threads", "4"));
        Path repo = repositoryRoot(option(arguments, "--repo", System.getProperty("planscore.home")));
        Path reportFile = arguments.contains("--no-report") ? null
                : Path.of(option(arguments, "--report", repo.resolve("docs/reliability.md").toString()));
        long maxMinutes = Long.parseLong(option(arguments, "--max-minutes", "120"));
        // the campaign stops sending in time to report; the watchdog is for a platform that does not stop
        watchdog(maxMinutes + 10);

        System.out.println("hostile-input campaign: seed " + seed + " (rerun with --seed " + seed + "), " + requests
                + " requests, " + threads + " in flight");
        String adminKey = "psk_chaos-" + UUID.randomUUID();
        System.out.println("Starting the platform (embedded PostgreSQL + Kafka, four services) ...");
        HostileReport report;
        try (Platform platform = Platform.startTemporary(repo, adminKey)) {
            HostileCampaign campaign = new HostileCampaign(platform.gateway().baseUri(), adminKey,
                    PlatformSecrets.of(platform.settings().dataDir()), threads);
            report = campaign.run(seed, requests, java.time.Duration.ofMinutes(maxMinutes));
        }
        String markdown = report.markdown("Hostile input, " + Instant.now().truncatedTo(ChronoUnit.MINUTES),
                Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.version"));
        System.out.println();
        System.out.println(markdown);
        if (reportFile != null) {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, "\n" + markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.println("Appended to " + reportFile);
        }
        System.exit(report.passed() ? 0 : 1);
    }

    /** The services inherit this JVM's environment: the raised limits must be in it before the platform starts. */
    private static int relaunchWithRaisedLimits(String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Chaos.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(RAISED_LIMITS);
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
        }, "chaos-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    /** The repository: given, or found upwards from this jar (deploy/chaos/target/...) or the working directory. */
    private static Path repositoryRoot(String given) throws URISyntaxException {
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        List<Path> starts = List.of(Path.of(Chaos.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy/local-run"))) {
                    return p.normalize();
                }
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
