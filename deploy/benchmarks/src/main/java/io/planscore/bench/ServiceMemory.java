package io.planscore.bench;

import io.planscore.localrun.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resident set size of each service JVM, read from {@code /proc/<pid>/status} (VmRSS) — what the operating
 * system charges the process, heap and everything else. {@link #sample()} once for a reading at rest; {@link #start()}
 * samples twice a second and keeps each service's peak until {@link #close()}.
 */
final class ServiceMemory implements AutoCloseable {

    static final List<String> SERVICES = List.of("plans-service", "measurements-service", "scoring-service", "gateway");

    private final Platform platform;
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread sampler;

    ServiceMemory(Platform platform) {
        this.platform = platform;
    }

    /** RSS in kB of each service now (-1 when it cannot be read, e.g. not on Linux). */
    Map<String, Long> sample() {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String name : SERVICES) {
            kb.put(name, rssKb(platform.service(name).pid()));
        }
        return kb;
    }

    void start() {
        sampler = new Thread(() -> {
            while (!closed) {
                sample().forEach((name, kb) -> peakKb.merge(name, kb, Math::max));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    Map<String, Long> peaks() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        SERVICES.forEach(name -> ordered.put(name, peakKb.getOrDefault(name, -1L)));
        return ordered;
    }

    static String describe(Map<String, Long> kb) {
        StringBuilder text = new StringBuilder();
        kb.forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(value < 0 ? "?" : (value / 1024) + " MB"));
        return text.toString();
    }

    private static long rssKb(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable here
        }
        return -1;
    }

    @Override
    public void close() {
        closed = true;
        if (sampler != null) {
            sampler.interrupt();
        }
    }
}
