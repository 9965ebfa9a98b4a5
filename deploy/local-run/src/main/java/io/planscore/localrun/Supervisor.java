package io.planscore.localrun;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Keeps the services running: a service whose JVM exited on its own, or whose liveness ({@code /q/health/live})
 * stayed DOWN for {@link Supervision#livenessGrace()}, is restarted after a backoff that doubles with each
 * restart in a row (from {@link Supervision#initialBackoff()} up to {@link Supervision#maxBackoff()}), and the
 * console says so. A service that was stopped or killed on purpose through {@link ServiceProcess} is left alone.
 * One thread per service: a restart waits for its service to be ready without holding up the others.
 */
final class Supervisor implements AutoCloseable {

    private final Supervision supervision;
    private final Consumer<String> console;
    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean closed;

    Supervisor(Supervision supervision, Consumer<String> console) {
        this.supervision = supervision;
        this.console = console;
    }

    /** Watches {@code service} from now on (nothing happens if supervision is off). */
    synchronized void watch(ServiceProcess service) {
        if (!supervision.enabled() || closed) {
            return;
        }
        Thread watcher = new Thread(() -> watchLoop(service), "supervise-" + service.name());
        watcher.setDaemon(true);
        watchers.add(watcher);
        watcher.start();
    }

    private void watchLoop(ServiceProcess service) {
        int restartsInARow = 0;
        Instant liveSince = null;
        Instant downSince = null;
        while (!closed) {
            pause(supervision.checkInterval());
            if (closed) {
                return;
            }
            OptionalInt exit = service.crashedWith();
            String reason = null;
            if (exit.isPresent()) {
                reason = "exited with code " + exit.getAsInt();
            } else if (service.isLive()) {
                downSince = null;
                liveSince = liveSince == null ? Instant.now() : liveSince;
                // Up for a while: the next failure starts the backoff from the beginning again.
                if (Duration.between(liveSince, Instant.now()).compareTo(supervision.maxBackoff()) > 0) {
                    restartsInARow = 0;
                }
            } else if (liveSince != null && service.isAlive()) {
                // Was live since its start and is not any more (a JVM still starting is not counted).
                downSince = downSince == null ? Instant.now() : downSince;
                if (Duration.between(downSince, Instant.now()).compareTo(supervision.livenessGrace()) >= 0) {
                    reason = "has reported liveness DOWN (or not answered) for "
                            + supervision.livenessGrace().toSeconds() + " s";
                }
            }
            if (reason != null) {
                Duration backoff = backoff(restartsInARow++);
                console.accept(service.name() + " " + reason + ": restarting it in " + backoff.toMillis() / 1000.0
                        + " s (restart " + restartsInARow + " in a row; its log: " + service.log() + ")");
                pause(backoff);
                liveSince = null;
                downSince = null;
                restart(service);
            }
        }
    }

    private void restart(ServiceProcess service) {
        if (closed) {
            return;
        }
        try {
            if (service.restartUnlessStoppedOnPurpose()) {
                service.awaitReady(Duration.ofMinutes(3));
                console.accept(service.name() + " is running again (pid " + service.pid() + ").");
            }
        } catch (RuntimeException e) {
            console.accept(service.name() + " did not come back: " + e.getMessage());
        }
    }

    /** initialBackoff × 2^restartsInARow, at most maxBackoff. */
    Duration backoff(int restartsInARow) {
        Duration backoff = supervision.initialBackoff();
        for (int i = 0; i < restartsInARow && backoff.compareTo(supervision.maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(supervision.maxBackoff()) > 0 ? supervision.maxBackoff() : backoff;
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops watching (before the services are stopped, so that their stop is not taken for a crash). */
    @Override
    public synchronized void close() {
        closed = true;
        watchers.forEach(Thread::interrupt);
        for (Thread watcher : watchers) {
            try {
                watcher.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
