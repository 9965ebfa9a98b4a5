package io.planscore.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small JVM beside the launcher that stops what the launcher started if the launcher dies without doing so
 * ({@code kill -9}, out of memory): the service JVMs would live on as orphans, and PostgreSQL, in a session of
 * its own, would keep its port. The launcher stops it after a clean shutdown. Should the watchdog die with the
 * launcher (the whole process group killed), the next start with the same data folder cleans up instead.
 *
 * <p>{@code Watchdog <launcher pid> <data folder>}.
 */
public final class Watchdog {

    private Watchdog() {
    }

    public static void main(String[] args) throws Exception {
        long launcherPid = Long.parseLong(args[0]);
        Path dataDir = Path.of(args[1]);
        ProcessHandle.of(launcherPid).ifPresent(launcher -> launcher.onExit().join());
        // The dead launcher's lock is released with it; a new launcher that took the folder meanwhile cleans up itself.
        try (RunFolder ignored = RunFolder.claim(dataDir, Duration.ofSeconds(5),
                line -> System.out.println(Instant.now() + " launcher " + launcherPid + " died: " + line))) {
            System.out.println(Instant.now() + " launcher " + launcherPid + " ended; nothing of it runs any more");
        } catch (IllegalStateException taken) {
            System.out.println(Instant.now() + " " + taken.getMessage());
        }
    }

    /** Starts the watchdog of this JVM for {@code dataDir}, its output appended to {@code log}. */
    static Process start(Path dataDir, Path log) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Watchdog.class.getName(),
                String.valueOf(ProcessHandle.current().pid()), dataDir.toAbsolutePath().toString()));
        try {
            java.nio.file.Files.createDirectories(log.getParent());
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the launcher's watchdog", e);
        }
    }
}
