package io.planscore.localrun;

import io.planscore.infra.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision of a real process ({@link FakeService} in a JVM of its own): one whose liveness stays DOWN is
 * restarted and the console says so; one stopped on purpose is left alone.
 */
class SupervisorLivenessTest {

    @TempDir
    Path dir;

    @Test
    void aServiceWhoseLivenessStaysDownIsRestartedAndOneStoppedOnPurposeIsNot() throws Exception {
        List<String> console = new CopyOnWriteArrayList<>();
        try (RunFolder runFolder = RunFolder.claim(dir.resolve("data"), Duration.ZERO, line -> { });
             Supervisor supervisor = new Supervisor(new Supervision(true, Duration.ofMillis(200),
                     Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(1)), console::add)) {
            ServiceProcess service = new ServiceProcess("fake-service", fakeServiceJar(), EmbeddedKafka.freePort(),
                    Map.of(), dir.resolve("fake-service.log"), runFolder);
            try {
                service.start();
                service.awaitReady(Duration.ofMinutes(1));
                long first = service.pid();
                supervisor.watch(service);

                waitUntil(Duration.ofMinutes(1),
                        () -> console.stream().anyMatch(line -> line.contains("running again")));
                assertThat(console.get(0)).startsWith("fake-service has reported liveness DOWN (or not answered)"
                        + " for 2 s: restarting it in 0.1 s (restart 1 in a row");
                assertThat(service.pid()).isNotEqualTo(first);
                assertThat(ProcessHandle.of(first)).isEmpty();

                service.stop();
                int linesAfterStop = console.size();
                Thread.sleep(4_000);
                assertThat(service.isAlive()).as("stopped on purpose, not restarted").isFalse();
                assertThat(console).hasSize(linesAfterStop);
            } finally {
                service.close();
            }
        }
    }

    /** A jar that runs {@link FakeService} from this module's test classes. */
    private Path fakeServiceJar() throws IOException {
        Path classes = Path.of(FakeService.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = dir.resolve("fake-service.jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            new JarOutputStream(out, manifest).close();
        }
        return jar;
    }

    private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
