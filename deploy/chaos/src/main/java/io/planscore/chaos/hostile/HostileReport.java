package io.planscore.chaos.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the campaign saw: answers by status class and by operation, every broken rule with examples, as Markdown. */
public final class HostileReport {

    private static final int EXAMPLES = 3;
    private static final List<String> CLASSES = List.of("2xx", "4xx", "5xx", "other", "no answer");

    private final long seed;
    private final long requests;
    private long sent;
    private final Map<String, long[]> byOperation = new LinkedHashMap<>();
    private final Map<String, Long> byClass = new LinkedHashMap<>();
    private final Map<String, List<String>> violations = new TreeMap<>();
    private final Map<String, Long> violationCounts = new TreeMap<>();
    private final List<String> stateChanges = new ArrayList<>();
    private long leaks;
    private long failedRequests;
    private long nanos;

    HostileReport(long seed, long requests, List<String> operations) {
        this.seed = seed;
        this.requests = requests;
        operations.forEach(operation -> byOperation.put(operation, new long[CLASSES.size()]));
        CLASSES.forEach(each -> byClass.put(each, 0L));
    }

    synchronized void record(HostileRequest request, Answer answer, AnswerCheck.Verdict verdict) {
        String statusClass = switch (answer.status() / 100) {
            case 0 -> "no answer";
            case 2, 4, 5 -> answer.statusClass();
            default -> "other";
        };
        byClass.merge(statusClass, 1L, Long::sum);
        byOperation.get(request.operation())[CLASSES.indexOf(statusClass)]++;
        if (verdict.leak()) {
            leaks++;
        }
        if (!verdict.passed()) {
            failedRequests++;
        }
        for (String violation : verdict.violations()) {
            String kind = (violation.startsWith("no answer") ? "no answer" : violation) + " — " + request.operation();
            violationCounts.merge(kind, 1L, Long::sum);
            List<String> examples = violations.computeIfAbsent(kind, k -> new ArrayList<>());
            if (examples.size() < EXAMPLES) {
                examples.add(request.describe() + " → " + answer.status() + " "
                        + HostileRequest.abbreviate(answer.failure() != null ? answer.failure() : answer.text(), 300));
            }
        }
    }

    synchronized void sent(long count) {
        sent = count;
    }

    synchronized void stateChange(String description) {
        stateChanges.add(description);
    }

    void finished(long nanos) {
        this.nanos = nanos;
    }

    public synchronized boolean passed() {
        return sent > 0 && failedRequests == 0 && stateChanges.isEmpty();
    }

    synchronized String progress(long sent, long elapsedNanos) {
        return String.format(Locale.ROOT, "%,d requests in %.0f s: %s; %,d broke a rule, %d state changes", sent,
                elapsedNanos / 1e9, byClass, failedRequests, stateChanges.size());
    }

    /** The broken rules, with examples, for a failing test's message or the console. */
    public synchronized String failures() {
        StringBuilder text = new StringBuilder();
        violations.forEach((kind, examples) -> {
            text.append(violationCounts.get(kind)).append("× ").append(kind).append('\n');
            examples.forEach(example -> text.append("    ").append(example.replace('\n', ' ')).append('\n'));
        });
        stateChanges.forEach(change -> text.append("state change: ").append(change).append('\n'));
        return text.toString();
    }

    /** The results as a Markdown section for docs/reliability.md. */
    public synchronized String markdown(String title, String machine) {
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(title).append("\n\n");
        md.append(String.format(Locale.ROOT, "Seed %d, %,d requests in %.0f s on %s%s. Rerun the same requests with "
                + "`--seed %d`.%n%n", seed, sent, nanos / 1e9, machine, sent < requests
                ? String.format(Locale.ROOT, " (%,d asked for; the time limit came first)", requests) : "", seed));
        md.append("| requests | 2xx | 4xx | 5xx | other status | no answer | broke a rule | state changes "
                + "from rejected requests | leaks |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %,d | %,d | %d | %,d |%n%n", sent,
                byClass.get("2xx"), byClass.get("4xx"), byClass.get("5xx"), byClass.get("other"), byClass.get("no answer"),
                failedRequests, stateChanges.size(), leaks));
        md.append("| operation | 2xx | 4xx | 5xx | other / no answer |\n|---|---:|---:|---:|---:|\n");
        byOperation.forEach((operation, counts) -> md.append(String.format(Locale.ROOT, "| `%s` | %,d | %,d | %,d | %,d |%n",
                operation, counts[0], counts[1], counts[2], counts[3] + counts[4])));
        if (!violations.isEmpty() || !stateChanges.isEmpty()) {
            md.append("\nBroken rules:\n\n```\n").append(failures()).append("```\n");
        }
        return md.toString();
    }
}
