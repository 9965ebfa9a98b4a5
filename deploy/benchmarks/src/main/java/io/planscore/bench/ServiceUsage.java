package io.planscore.bench;

import io.planscore.localrun.Platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each process of the platform costs the machine, read from {@code /proc}: the resident set size of each service
 * JVM ({@code VmRSS} of {@code /proc/<pid>/status}, heap and everything else), and the CPU time (user + system, from
 * {@code /proc/<pid>/stat}) of each service, of PostgreSQL (the postmaster and all its children) and of this JVM, which
 * holds the embedded Kafka broker as well as the benchmark's clients. {@link #sample()} once for the RSS at rest;
 * {@link #start()} samples it twice a second and keeps each service's peak until {@link #close()};
 * {@link #cpuSeconds()} before and after a benchmark for what it cost.
 */
final class ServiceUsage implements AutoCloseable {

    static final List<String> SERVICES = List.of("plans-service", "measurements-service", "scoring-service", "gateway");
    static final String POSTGRESQL = "PostgreSQL";
    static final String HARNESS = "harness JVM (Kafka broker + clients)";

    private final Platform platform;
    private final long postmasterPid;
    private final double ticksPerSecond = ticksPerSecond();
    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread sampler;

    ServiceUsage(Platform platform) {
        this.platform = platform;
        this.postmasterPid = postmasterPid(platform.jdbcUrl("postgres"));
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

    /**
     * CPU seconds (user + system) used so far by each service, by PostgreSQL and by this JVM; NaN when unreadable.
     * PostgreSQL is its postmaster with the children it has reaped (cutime, cstime) plus its live children: a backend
     * that ends between two readings moves from the second term to the first, so a difference stays exact.
     */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String name : SERVICES) {
            seconds.put(name, ticks(platform.service(name).pid(), false) / ticksPerSecond);
        }
        double postgres = ticks(postmasterPid, true);
        for (long child : children(postmasterPid)) {
            postgres += ticks(child, false);
        }
        seconds.put(POSTGRESQL, postgres / ticksPerSecond);
        seconds.put(HARNESS, ticks(ProcessHandle.current().pid(), false) / ticksPerSecond);
        return seconds;
    }

    /** "name 1.23 s, …": the CPU seconds each process spent between two readings, per 100,000 events. */
    static String describeCpu(Map<String, Double> before, Map<String, Double> after, long events) {
        StringBuilder text = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            double spent = (entry.getValue() - before.getOrDefault(entry.getKey(), Double.NaN)) * 100_000.0 / events;
            total += Double.isNaN(spent) ? 0 : spent;
            text.append(text.isEmpty() ? "" : ", ").append(entry.getKey()).append(' ')
                    .append(Double.isNaN(spent) ? "?" : String.format(Locale.ROOT, "%.1f s", spent));
        }
        return text.append(String.format(Locale.ROOT, "; all together %.1f s", total)).toString();
    }

    /** "name 1.2 s, …": the CPU seconds each process spent between two readings. */
    static String describeCpu(Map<String, Double> before, Map<String, Double> after) {
        return describeCpu(before, after, 100_000);
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

    /** utime + stime of {@code pid} in clock ticks, with its reaped children's when asked; NaN when unreadable. */
    private static double ticks(long pid, boolean withReapedChildren) {
        String[] fields = statFields(pid);
        if (fields.length < 15) {
            return Double.NaN;
        }
        // fields after "pid (comm) ": [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime
        double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    private static String[] statFields(long pid) {
        if (pid <= 0) {
            return new String[0];
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces and parentheses: the fields start after the last ')'
            return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        if (parent <= 0) {
            return children;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                String[] fields = statFields(pid);
                if (fields.length > 1 && Long.parseLong(fields[1]) == parent) {
                    children.add(pid);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here
        }
        return children;
    }

    /** The postmaster is the parent of the backend that serves this connection. */
    private static long postmasterPid(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet backend = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            String[] fields = statFields(backend.getLong(1));
            return fields.length > 1 ? Long.parseLong(fields[1]) : -1;
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ, the unit of /proc's CPU times: 100 on every common Linux, asked of getconf to be sure. */
    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(answer) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (sampler != null) {
            sampler.interrupt();
        }
    }
}
