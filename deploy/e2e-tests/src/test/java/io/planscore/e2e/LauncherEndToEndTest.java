package io.planscore.e2e;

import io.planscore.infra.Directories;
import io.planscore.infra.EmbeddedDatabase;
import io.planscore.infra.EmbeddedKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local launcher ({@code LocalPlatform}, the README's run command) as a process of its own, killed with
 * {@code kill -9}: what it started does not outlive it (its watchdog stops it), or, when the watchdog died with
 * it, a next start with another data folder refuses the ports the leftovers hold, naming them, and a next start
 * with the same data folder stops them and runs. It never uses a server it did not start.
 */
class LauncherEndToEndTest {

    private static final Duration START = Duration.ofMinutes(6);
    private static final Path HOME = Path.of(System.getProperty("planscore.home", "../..")).toAbsolutePath()
            .normalize();

    private final List<Path> dataDirs = new ArrayList<>();
    private final List<Process> launchers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        launchers.forEach(launcher -> {
            launcher.destroy();
            try {
                launcher.waitFor(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        dataDirs.forEach(Directories::deleteRecursively);
    }

    @Test
    void aPortAnotherProcessHoldsIsRefusedNamingThatProcess() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            Ports ports = Ports.free();
            Launch launch = launch(dataDir("held"), new Ports(held.getLocalPort(), ports.kafka(), ports.http()));

            assertThat(launch.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(launch.process().exitValue()).isEqualTo(1);
            assertThat(launch.output()).contains("planscore did not start: Port " + held.getLocalPort()
                            + " (PostgreSQL) is in use by process pid " + ProcessHandle.current().pid() + ": ")
                    .contains("PLANSCORE_DB_PORT")
                    .doesNotContain("planscore is running");
        }
    }

    @Test
    void whatAKilledLauncherStartedIsStoppedByItsWatchdogOrByTheNextStartOfItsDataFolder() throws Exception {
        Ports ports = Ports.free();
        Path data = dataDir("a");

        // 1. kill -9 of the launcher alone: its watchdog stops the services and PostgreSQL.
        Launch first = launchRunning(data, ports);
        Started started = first.started(data);
        first.process().destroyForcibly();
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
            assertThat(started.services()).noneMatch(ProcessHandle::isAlive);
            assertThat(started.database().isAlive()).as("PostgreSQL").isFalse();
            assertThat(started.watchdog().isAlive()).as("watchdog").isFalse();
        });
        assertThat(Files.readString(data.resolve("logs/watchdog.log")))
                .contains("launcher " + first.process().pid() + " died: Stopping");

        // 2. kill -9 of the launcher and its watchdog (as of a whole process group, PostgreSQL aside).
        Launch second = launchRunning(data, ports);
        Started leftovers = second.started(data);
        leftovers.watchdog().destroyForcibly();
        second.process().destroyForcibly();
        second.process().waitFor();
        leftovers.watchdog().onExit().get(30, TimeUnit.SECONDS);
        assertThat(leftovers.services()).allMatch(ProcessHandle::isAlive);
        assertThat(leftovers.database().isAlive()).isTrue();

        // Another data folder on the same ports: refused, naming the PostgreSQL that holds the port.
        Launch other = launch(dataDir("b"), ports);
        assertThat(other.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(other.process().exitValue()).isEqualTo(1);
        assertThat(other.output()).contains("Port " + ports.database() + " (PostgreSQL) is in use by process pid "
                + leftovers.database().pid() + ": ").doesNotContain("planscore is running");
        assertThat(leftovers.database().isAlive()).as("not its to stop").isTrue();

        // The same data folder: the leftovers are stopped, and planscore runs on servers it started itself.
        Launch third = launchRunning(data, ports);
        assertThat(third.output()).contains("Stopping gateway (pid " + leftovers.gateway().pid() + ")")
                .contains("Stopping postgresql (pid " + leftovers.database().pid() + ")");
        assertThat(leftovers.services()).noneMatch(ProcessHandle::isAlive);
        assertThat(leftovers.database().isAlive()).isFalse();
        Started running = third.started(data);
        assertThat(running.database().pid()).isNotEqualTo(leftovers.database().pid());
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ports.http() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        // A graceful stop leaves nothing either.
        third.process().destroy();
        assertThat(third.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(running.services()).noneMatch(ProcessHandle::isAlive);
        await().atMost(Duration.ofSeconds(30)).until(() -> !running.database().isAlive()
                && !running.watchdog().isAlive());
    }

    /** The launcher's fixed ports, here free ones: PostgreSQL, Kafka, and four consecutive HTTP ports. */
    private record Ports(int database, int kafka, int http) {

        static Ports free() {
            for (int attempt = 0; attempt < 100; attempt++) {
                int http = EmbeddedKafka.freePort();
                if (isFree(http + 1) && isFree(http + 2) && isFree(http + 3)) {
                    return new Ports(EmbeddedKafka.freePort(), EmbeddedKafka.freePort(), http);
                }
            }
            throw new IllegalStateException("no four free ports in a row");
        }

        private static boolean isFree(int port) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return true;
            } catch (IOException taken) {
                return false;
            }
        }
    }

    /** What one launcher started: its service JVMs and watchdog (its children), and its PostgreSQL. */
    private record Started(List<ProcessHandle> services, ProcessHandle gateway, ProcessHandle watchdog,
                           ProcessHandle database) {
    }

    private record Launch(Process process, Path outputFile) {

        String output() {
            try {
                return Files.readString(outputFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Started started(Path data) {
            List<ProcessHandle> children = process.children().toList();
            List<ProcessHandle> services = children.stream()
                    .filter(child -> arguments(child).contains("quarkus-run.jar")).toList();
            ProcessHandle watchdog = children.stream()
                    .filter(child -> arguments(child).contains("io.planscore.localrun.Watchdog")).findFirst()
                    .orElseThrow();
            ProcessHandle gateway = services.stream().filter(child -> arguments(child).contains("/gateway/"))
                    .findFirst().orElseThrow();
            ProcessHandle database = EmbeddedDatabase.serverOf(data.resolve("postgres")).orElseThrow();
            assertThat(services).hasSize(4);
            return new Started(services, gateway, watchdog, database);
        }

        /** From /proc: the JDK gives no arguments of a command line longer than a page, as the class path makes it. */
        private static String arguments(ProcessHandle process) {
            try {
                return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
            } catch (IOException gone) {
                return "";
            }
        }
    }

    private Path dataDir(String name) throws IOException {
        Path dir = Files.createTempDirectory("planscore-launcher-" + name + "-");
        dataDirs.add(dir);
        return dir;
    }

    private Launch launchRunning(Path data, Ports ports) throws Exception {
        Launch launch = launch(data, ports);
        await().atMost(START).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(launch.process().isAlive()).as("launcher alive; output:%n%s", launch.output()).isTrue();
            return launch.output().contains("planscore is running.");
        });
        return launch;
    }

    /** {@code java -cp <this class path> io.planscore.localrun.LocalPlatform} on {@code data} and {@code ports}. */
    private Launch launch(Path data, Ports ports) throws IOException {
        Path output = Files.createTempFile(data, "launcher-", ".out");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dplanscore.home=" + HOME, "-cp", System.getProperty("java.class.path"),
                "io.planscore.localrun.LocalPlatform");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(Map.of("PLANSCORE_DATA_DIR", data.toString(),
                "PLANSCORE_DB_PORT", String.valueOf(ports.database()),
                "PLANSCORE_KAFKA_PORT", String.valueOf(ports.kafka()),
                "PLANSCORE_HTTP_PORT", String.valueOf(ports.http()),
                "PLANSCORE_BOOTSTRAP_ADMIN_KEY", PlatformFixture.ADMIN_KEY));
        Process process = builder.start();
        launchers.add(process);
        return new Launch(process, output);
    }
}
