package io.planscore.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One planscore service running as its own JVM ({@code quarkus-run.jar}), with its log in a file. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Sized for a small footprint (docs/benchmarks.md measures it): a heap of at most 256 MB that the serial
     * collector gives back when it is not needed, bounded metaspace and code cache, small thread stacks.
     * {@code PLANSCORE_SERVICE_JVM_OPTIONS} (space-separated) replaces them, e.g. to size a bigger machine.
     */
    public static final List<String> JVM_OPTIONS = jvmOptions(System.getenv("PLANSCORE_SERVICE_JVM_OPTIONS"));

    static List<String> jvmOptions(String configured) {
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        return List.of("-Xms16m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path log;
    /** Where the launcher records the JVM, so that it is stopped even if the launcher dies. */
    private final RunFolder runFolder;
    private Process process;
    /** Where this start's output begins in the log, which earlier starts appended to. */
    private long logOffset;
    /** Started and not stopped or killed on purpose since: a process that is gone then has crashed. */
    private boolean meantToRun;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path log, RunFolder runFolder) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.log = log;
        this.runFolder = runFolder;
    }

    /** The same service as another process (not started): a second replica. */
    ServiceProcess replica(String replicaName, int replicaPort, Path replicaLog) {
        return new ServiceProcess(replicaName, jar, replicaPort, environment, replicaLog, runFolder);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    /** The operating system's id of the running JVM (-1 before it started), e.g. to read its memory use. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the JVM; {@link #awaitReady} waits for its readiness check. */
    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            logOffset = Files.exists(log) ? Files.size(log) : 0;
            process = builder.start();
            meantToRun = true;
            runFolder.record(name, process.toHandle());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (listening() && HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /**
     * Whether this process itself reported listening on its port: another process holding the port would answer
     * the readiness check too, while this one fails to bind and exits.
     */
    private boolean listening() throws IOException {
        byte[] written = Files.readAllBytes(log);
        String sinceStart = new String(written, (int) Math.min(logOffset, written.length),
                (int) Math.max(0, written.length - logOffset), StandardCharsets.ISO_8859_1);
        return sinceStart.lines().anyMatch(line -> line.contains("Listening on: http://")
                && line.strip().endsWith(":" + port));
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Whether the JVM ended although nobody stopped it ({@link #stop}, {@link #kill}): what supervision restarts.
     * Its exit code, then; empty while it runs or after a stop on purpose.
     */
    synchronized java.util.OptionalInt crashedWith() {
        return meantToRun && process != null && !process.isAlive()
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** Whether {@code /q/health/live} answers UP now (false while it is down, starting or unreachable). */
    boolean isLive() {
        HttpRequest live = HttpRequest.newBuilder(baseUri().resolve("/q/health/live"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return isAlive() && HTTP.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A restart by supervision: the JVM is killed if it still runs, and started again, unless it was stopped on
     * purpose meanwhile (a test or an operator took it down; supervision does not fight that). Whether it started.
     */
    synchronized boolean restartUnlessStoppedOnPurpose() {
        if (!meantToRun) {
            return false;
        }
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
        start();
        return true;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. For crash tests. */
    public synchronized void kill() {
        meantToRun = false;
        if (process != null) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    /** SIGTERM: Quarkus shuts down gracefully; forced after 30 seconds. */
    public synchronized void stop() {
        meantToRun = false;
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
        }
    }

    /** Stops the JVM; the launcher no longer answers for it. */
    @Override
    public void close() {
        stop();
        runFolder.forget(name);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
