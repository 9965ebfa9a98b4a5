package io.planscore.chaos.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The hostile-input campaign: sets up fixture plans and one credential of each kind, then sends generated hostile
 * requests ({@link HostileRequests}) to every public operation of the gateway, a window at a time. Each answer is
 * held to {@link AnswerCheck}; after each window the platform's counts ({@link StateCounts}) must have moved by
 * exactly what the accepted requests of the window say they did ({@link Expected}), so a rejected request that
 * changed anything is caught within its window.
 */
public final class HostileCampaign {

    static final String PLAN_A = "001_keelung-police_107-110.json";
    static final String PLAN_B = "002-01_keelung-civil-affairs_109-112.json";
    static final String PLAN_C = "002-02_keelung-finance_109-112.json";
    private static final int WINDOW = 500;

    private final GatewayHttp http;
    private final String adminKey;
    private final Set<String> platformSecrets;
    private final int threads;
    private final Map<String, List<Integer>> planYears = new LinkedHashMap<>();

    /**
     * @param platformSecrets passwords and private keys of the platform, which no answer may show
     * @param threads         requests in flight at once
     */
    public HostileCampaign(URI gateway, String adminKey, Set<String> platformSecrets, int threads) {
        this.http = new GatewayHttp(gateway);
        this.adminKey = adminKey;
        this.platformSecrets = platformSecrets;
        this.threads = threads;
    }

    public HostileReport run(long seed, long requests) {
        return run(seed, requests, java.time.Duration.ofDays(1));
    }

    /** As many of the {@code requests} as are sent within {@code budget}, whole windows of them. */
    public HostileReport run(long seed, long requests, java.time.Duration budget) {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        Fixtures fixtures = setUp();
        HostileRequests generator = new HostileRequests(seed, fixtures);
        Set<String> secrets = new HashSet<>(platformSecrets);
        secrets.add(adminKey);
        fixtures.secrets().forEach((credential, secret) -> {
            if (credential != Credential.FORGED_KEY && credential != Credential.FORGED_TOKEN) {
                secrets.add(secret);
            }
        });
        AnswerCheck check = new AnswerCheck(secrets);
        HostileReport report = new HostileReport(seed, requests, generator.operationNames());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            StateCounts before = counts(fixtures);
            for (long from = 0; from < requests && System.nanoTime() < deadline; from += WINDOW) {
                long to = Math.min(requests, from + WINDOW);
                Expected expected = new Expected();
                List<Future<?>> sent = new ArrayList<>();
                List<HostileRequest> rejectedWrites = java.util.Collections.synchronizedList(new ArrayList<>());
                for (long index = from; index < to; index++) {
                    HostileRequest request = generator.request(index);
                    sent.add(pool.submit(() -> {
                        Answer answer = send(request, fixtures);
                        report.record(request, answer, check.check(request, answer));
                        expect(request, answer, expected);
                        if (!request.method().equals("GET") && (answer.status() < 200 || answer.status() >= 300)) {
                            rejectedWrites.add(request);
                        }
                    }));
                }
                for (Future<?> each : sent) {
                    each.get();
                }
                if (expected.scoresMayMove()) {
                    settleScores(fixtures);
                }
                StateCounts after = counts(fixtures);
                compare(report, before, after, expected, "requests #" + from + "–#" + (to - 1), rejectedWrites);
                before = after;
                report.sent(to);
                if (to % 5_000 == 0 || to == requests) {
                    System.out.println(report.progress(to, System.nanoTime() - started));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        report.finished(System.nanoTime() - started);
        return report;
    }

    /** A counter that moved other than the window's accepted requests account for is a state change. */
    private static void compare(HostileReport report, StateCounts before, StateCounts after, Expected expected,
                                String window, List<HostileRequest> rejectedWrites) {
        after.minus(before).forEach((counter, delta) -> {
            if (!expected.allows(counter, delta)) {
                report.stateChange(window + ": " + counter + " moved by " + delta + ", the accepted requests account for "
                        + expected.describe(counter) + "; rejected writes in the window: "
                        + rejectedWrites.stream().limit(5).map(HostileRequest::describe).toList());
            }
        });
    }

    private Answer send(HostileRequest request, Fixtures fixtures) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        String secret = fixtures.secrets().get(request.credential());
        if (request.credential() == Credential.FORGED_TOKEN) {
            headers.put("Authorization", "Bearer " + secret);
        } else if (secret != null) {
            headers.put("X-API-Key", secret);
        }
        if (request.isStream()) {
            headers.put("Accept", "text/event-stream");
        }
        return http.send(request.method(), request.pathAndQuery(), headers, request.body(), request.isStream());
    }

    /** What an answer says the request changed (only accepted ones change anything). */
    private static void expect(HostileRequest request, Answer answer, Expected expected) {
        int status = answer.status();
        String operation = request.operation();
        boolean accepted = status >= 200 && status < 300;
        switch (operation) {
            case "POST /api/v1/measurements", "POST /api/v1/measurements/import" -> {
                if (accepted) {
                    JsonNode report = GatewayHttp.readJson(answer);
                    long recorded = report.path("accepted").asLong();
                    expected.add(StateCounts.MEASUREMENTS, recorded, recorded);
                    expected.add(StateCounts.REJECTED, report.path("rejected").asLong(), report.path("rejected").asLong());
                    if (recorded > 0) {
                        expected.any(StateCounts.SCORES);
                    }
                } else if (operation.equals("POST /api/v1/measurements") && (status == 409 || status == 422)) {
                    expected.add(StateCounts.REJECTED, 0, 1);
                }
            }
            case "POST /api/v1/agencies" -> {
                if (accepted) {
                    expected.add(StateCounts.AGENCIES, 1, 1);
                }
            }
            case "POST /api/v1/plans", "POST /api/v1/plans/import" -> {
                if (accepted) {
                    expected.add(StateCounts.PLANS, 1, operation.endsWith("import") ? Long.MAX_VALUE : 1);
                    expected.add(StateCounts.AGENCIES, 0, Long.MAX_VALUE);
                }
            }
            case "PUT /api/v1/plans/{planId}", "POST /api/v1/plans/{planId}/versions/{version}/approve",
                 "POST /api/v1/scores/rebuild" -> {
                if (accepted) {
                    expected.any(StateCounts.SCORES);
                }
            }
            case "POST /api/v1/scores/plans/{planId}/admin-inputs" -> {
                if (accepted) {
                    expected.add(StateCounts.ADMIN_INPUTS, 0, 1);
                    expected.any(StateCounts.SCORES);
                }
            }
            case "POST /api/v1/agencies/{agencyId}/api-keys" -> {
                if (accepted) {
                    expected.add(StateCounts.KEYS, 1, 1);
                    expected.add(StateCounts.KEY_EVENTS, 1, 1);
                }
            }
            case "DELETE /api/v1/api-keys/{keyId}" -> {
                if (accepted) {
                    expected.add(StateCounts.KEY_EVENTS, 0, 1);
                }
            }
            default -> {
                // reads, and the dead-letter redrive (which counts nothing here)
            }
        }
    }

    /** Three plans, one credential of each kind, and a few recorded events to correct and retract. */
    private Fixtures setUp() {
        JsonNode planA = createPlan(seedPlan(PLAN_A));
        JsonNode planB = createPlan(seedPlan(PLAN_B));
        JsonNode planC = createPlan(seedPlan(PLAN_C));
        String agencyA = planA.path("agencyId").asText();
        String agencyB = planB.path("agencyId").asText();
        // version 2 of plan C, for the diff and the approval to aim at
        http.call("PUT", "/api/v1/plans/" + planC.path("id").asText() + "?draft=true", adminKey, "application/json",
                new String(seedPlan(PLAN_C), StandardCharsets.UTF_8), 201);

        Map<Credential, String> secrets = new EnumMap<>(Credential.class);
        secrets.put(Credential.ADMIN, adminKey);
        secrets.put(Credential.OWNER_AGENCY, issueKey(agencyA, "agency").path("secret").asText());
        secrets.put(Credential.OTHER_AGENCY, issueKey(agencyB, "agency").path("secret").asText());
        JsonNode viewer = issueKey(agencyA, "viewer");
        secrets.put(Credential.VIEWER, viewer.path("secret").asText());
        JsonNode revoked = issueKey(agencyA, "agency");
        http.call("DELETE", "/api/v1/api-keys/" + revoked.path("id").asText(), adminKey, null, null, 200);
        secrets.put(Credential.REVOKED, revoked.path("secret").asText());
        secrets.put(Credential.FORGED_KEY, "psk_" + UUID.randomUUID().toString().replace("-", ""));
        secrets.put(Credential.FORGED_TOKEN, forgedToken());

        List<Fixtures.Indicator> indicators = indicators(seedPlan(PLAN_A));
        List<String> recorded = recordSomeEvents(planA.path("id").asText(), indicators, secrets.get(Credential.OWNER_AGENCY));
        return new Fixtures(planA.path("id").asText(), planB.path("id").asText(), planC.path("id").asText(), agencyA,
                agencyB, indicators, recorded, viewer.path("id").asText(), secrets, seedPlan(PLAN_A));
    }

    private JsonNode createPlan(byte[] document) {
        JsonNode plan = http.call("POST", "/api/v1/plans", adminKey, "application/json",
                new String(document, StandardCharsets.UTF_8), 201);
        List<Integer> years = new ArrayList<>();
        for (int year = plan.path("period").path("adStart").asInt(); year <= plan.path("period").path("adEnd").asInt(); year++) {
            years.add(year);
        }
        planYears.put(plan.path("id").asText(), years);
        return plan;
    }

    private JsonNode issueKey(String agencyId, String role) {
        return http.call("POST", "/api/v1/agencies/" + agencyId + "/api-keys", adminKey, "application/json",
                "{\"name\":\"hostile campaign " + role + "\",\"role\":\"" + role + "\"}", 201);
    }

    /** A JWT of the right shape that claims to be an administrator, signed by nobody the gateway trusts. */
    private static String forgedToken() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"planscore\",\"sub\":\"mallory\",\"upn\":\"mallory\","
                + "\"groups\":[\"admin\"],\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[256];
        new java.util.Random(7).nextBytes(signature);
        return header + "." + claims + "." + url.encodeToString(signature);
    }

    /** The indicators of a plan document that an event can name: one unit, targets for some years. */
    private static List<Fixtures.Indicator> indicators(byte[] document) {
        List<Fixtures.Indicator> indicators = new ArrayList<>();
        try {
            for (JsonNode goal : GatewayHttp.JSON.readTree(document).path("goals")) {
                for (JsonNode indicator : goal.path("indicators")) {
                    Set<String> units = new HashSet<>();
                    List<Integer> years = new ArrayList<>();
                    for (JsonNode target : indicator.path("targets")) {
                        if (target.hasNonNull("unit") && target.hasNonNull("year_ad")) {
                            units.add(target.path("unit").asText());
                            years.add(target.path("year_ad").asInt());
                        }
                    }
                    if (units.size() == 1 && indicator.path("formula").isNull()) {
                        indicators.add(new Fixtures.Indicator(indicator.path("id").asText(), units.iterator().next(), years));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (indicators.isEmpty()) {
            throw new IllegalStateException("the fixture plan has no indicator an event can name");
        }
        return indicators;
    }

    /** Posts valid events for plan A (waiting until measurements-service knows the plan); their ids. */
    private List<String> recordSomeEvents(String planId, List<Fixtures.Indicator> indicators, String ownerKey) {
        List<String> recorded = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int attempt = 0;
        while (recorded.size() < 5) {
            Fixtures.Indicator indicator = indicators.get(attempt++ % indicators.size());
            String eventId = UUID.randomUUID().toString();
            int year = indicator.years().get(0);
            Answer answer = http.send("POST", "/api/v1/measurements", Map.of("X-API-Key", ownerKey,
                    "Content-Type", "application/json"), ("{\"eventId\":\"" + eventId + "\",\"planId\":\"" + planId
                    + "\",\"indicatorId\":\"" + indicator.id() + "\",\"period\":\"" + year + "\",\"value\":10,\"unit\":\""
                    + indicator.unit() + "\",\"kind\":\"actual\"}").getBytes(StandardCharsets.UTF_8), false);
            if (answer.status() == 202 && GatewayHttp.readJson(answer).path("accepted").asInt() == 1) {
                recorded.add(eventId);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no event for the fixture plan was accepted within 120 s; last answer: "
                        + answer.status() + " " + HostileRequest.abbreviate(answer.text(), 400));
            } else {
                sleep(500);
            }
        }
        return recorded;
    }

    StateCounts counts(Fixtures fixtures) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(StateCounts.PLANS, total("/api/v1/plans?size=1"));
        counts.put(StateCounts.MEASUREMENTS, total("/api/v1/measurements?size=1"));
        counts.put(StateCounts.REJECTED, total("/api/v1/measurements/rejected?size=1"));
        counts.put(StateCounts.SCORES, scoreVersions(fixtures));
        long inputs = 0;
        for (String planId : fixtures.planIds()) {
            inputs += http.call("GET", "/api/v1/scores/plans/" + planId + "/admin-inputs", adminKey, null, null, 200).size();
        }
        counts.put(StateCounts.ADMIN_INPUTS, inputs);
        Answer agencies = http.send("GET", "/api/v1/agencies?size=1", Map.of("X-API-Key", adminKey), null, false);
        counts.put(StateCounts.AGENCIES, Long.parseLong(agencies.headers().firstValue("X-Total-Count").orElse("-1")));
        counts.put(StateCounts.KEYS, total("/api/v1/api-keys?size=1"));
        counts.put(StateCounts.KEY_EVENTS, total("/api/v1/api-keys/audit?size=1"));
        return new StateCounts(counts);
    }

    private long total(String pathAndQuery) {
        return http.call("GET", pathAndQuery, adminKey, null, null, 200).path("total").asLong();
    }

    /** Score versions of every plan-year of the fixture plans (0 for a year not scored yet). */
    private long scoreVersions(Fixtures fixtures) {
        long versions = 0;
        for (String planId : fixtures.planIds()) {
            for (int year : planYears.getOrDefault(planId, List.of())) {
                Answer answer = http.send("GET", "/api/v1/scores/plans/" + planId + "/history?size=1&year=" + year,
                        Map.of("X-API-Key", adminKey), null, false);
                versions += answer.status() == 200 ? GatewayHttp.readJson(answer).path("total").asLong() : 0;
            }
        }
        return versions;
    }

    /** Scores follow accepted inputs through Kafka: waits until their count holds still (at most a minute). */
    private void settleScores(Fixtures fixtures) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = scoreVersions(fixtures);
        while (System.nanoTime() < deadline) {
            sleep(1_000);
            long now = scoreVersions(fixtures);
            if (now == last) {
                return;
            }
            last = now;
        }
    }

    static byte[] seedPlan(String file) {
        try (InputStream in = HostileCampaign.class.getResourceAsStream("/seed-plans/" + file)) {
            if (in == null) {
                throw new IllegalStateException("seed plan " + file + " is not on the class path (planscore-local-run)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
