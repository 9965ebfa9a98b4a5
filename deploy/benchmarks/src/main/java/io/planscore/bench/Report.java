package io.planscore.bench;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results: one row per benchmark, the ceiling comparison, and what failed; rendered as Markdown. */
final class Report {

    /** One measured benchmark. {@code latency} may be null (throughput only), {@code throughput} NaN (latency only). */
    record Row(String id, String name, long count, double seconds, double throughput, String unit, Samples latency,
               String load, String notes) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Row> byId = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> facts = new ArrayList<>();
    private final List<String> breakdown = new ArrayList<>();
    private final String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    private final String loadAtStart = Machine.load();

    synchronized Row add(String id, String name, long count, double seconds, double throughput, String unit,
                         Samples latency, String notes) {
        Row row = new Row(id, name, count, seconds, throughput, unit, latency, Machine.load1(), notes);
        rows.add(row);
        byId.put(id, row);
        System.out.println("  " + line(row));
        return row;
    }

    synchronized void failed(String what, Throwable e) {
        String message = what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        failures.add(message.replace('\n', ' '));
        System.out.println("  FAILED " + message);
    }

    synchronized void fact(String fact) {
        facts.add(fact);
    }

    synchronized void breakdown(String line) {
        breakdown.add(line);
    }

    synchronized boolean has(String id) {
        return byId.containsKey(id);
    }

    synchronized boolean hasFailures() {
        return !failures.isEmpty();
    }

    private static String line(Row row) {
        return String.format(Locale.ROOT, "%-4s %-58s n=%-7d %s  p50=%s p95=%s p99=%s  load=%s  %s", row.id(), row.name(),
                row.count(), throughput(row), ms(row, 50), ms(row, 95), ms(row, 99), row.load(), row.notes());
    }

    static String throughput(Row row) {
        if (Double.isNaN(row.throughput())) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,.0f %s", row.throughput(), row.unit());
    }

    static String ms(Row row, double p) {
        if (row.latency() == null || row.latency().size() == 0) {
            return "—";
        }
        double v = row.latency().percentileMillis(p);
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f ms", v) : String.format(Locale.ROOT, "%.2f ms", v);
    }

    synchronized String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(startedAt).append(" on ").append(Machine.cores()).append(" cores (")
                .append(Machine.cpu()).append(", ").append(Machine.memory()).append("), ").append(Machine.jdk())
                .append(". Load average (1m 5m 15m) at start: ").append(loadAtStart).append(", at end: ")
                .append(Machine.load()).append(".\n\n");
        md.append("| # | benchmark | n | time | throughput | median | p95 | p99 | load 1m | notes |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.id()).append(" | ").append(row.name()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.count())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", row.seconds())).append(" | ")
                    .append(throughput(row)).append(" | ").append(ms(row, 50)).append(" | ").append(ms(row, 95))
                    .append(" | ").append(ms(row, 99)).append(" | ").append(row.load()).append(" | ")
                    .append(row.notes()).append(" |\n");
        }
        List<String> comparison = comparison();
        if (!comparison.isEmpty()) {
            md.append("\n**planscore path as a share of the raw ceiling**\n\n");
            md.append("| planscore path | raw ceiling | ratio |\n|---|---|---:|\n");
            comparison.forEach(line -> md.append(line).append('\n'));
        }
        if (!breakdown.isEmpty()) {
            md.append("\n**Where the end-to-end time goes** (medians over the measured round trips; wall-clock "
                    + "timestamps of one machine: Kafka record CreateTime, the ScoreUpdated `computedAt`)\n\n");
            md.append("| # | stage | median | p95 |\n|---|---|---:|---:|\n");
            breakdown.forEach(line -> md.append(line).append('\n'));
        }
        if (!facts.isEmpty()) {
            md.append("\nSettings in force:\n\n");
            facts.forEach(fact -> md.append("- ").append(fact).append('\n'));
        }
        if (!failures.isEmpty()) {
            md.append("\nNot measured (failed):\n\n");
            failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
        }
        return md.toString();
    }

    private List<String> comparison() {
        List<String> lines = new ArrayList<>();
        ratio(lines, "P1", "R5");
        ratio(lines, "P2", "R5");
        ratio(lines, "P2", "R1");
        ratio(lines, "P3", "R4");
        ratio(lines, "S1", "R7");
        ratio(lines, "S2", "R7");
        ratio(lines, "S2", "R4");
        ratio(lines, "S2", "R2");
        latencyRatio(lines, "P4", "R4");
        latencyRatio(lines, "P5", "R3");
        return lines;
    }

    private void ratio(List<String> lines, String path, String ceiling) {
        Row p = byId.get(path);
        Row c = byId.get(ceiling);
        if (p == null || c == null || Double.isNaN(p.throughput()) || Double.isNaN(c.throughput()) || c.throughput() == 0) {
            return;
        }
        double percent = 100.0 * p.throughput() / c.throughput();
        lines.add(String.format(Locale.ROOT, "| %s %s: %s | %s %s: %s | %s %% |", p.id(), p.name(), throughput(p),
                c.id(), c.name(), throughput(c), String.format(Locale.ROOT, percent >= 10 ? "%.0f" : percent >= 1
                        ? "%.1f" : "%.2f", percent)));
    }

    private void latencyRatio(List<String> lines, String path, String ceiling) {
        Row p = byId.get(path);
        Row c = byId.get(ceiling);
        if (p == null || c == null || p.latency() == null || c.latency() == null || p.latency().size() == 0
                || c.latency().size() == 0) {
            return;
        }
        lines.add(String.format(Locale.ROOT, "| %s %s: median %s | %s %s: median %s | %.0f× the latency |", p.id(),
                p.name(), ms(p, 50), c.id(), c.name(), ms(c, 50),
                p.latency().medianMillis() / c.latency().medianMillis()));
    }
}
