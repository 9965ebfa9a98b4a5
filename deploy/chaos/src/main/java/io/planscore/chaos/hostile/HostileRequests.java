package io.planscore.chaos.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Makes the campaign's requests: request {@code i} of seed {@code s} is always the same request, whatever order
 * they are sent in. Every public operation of the gateway is aimed at, with a weight; most requests start
 * from a valid one and spoil one thing (a field, a parameter, the path, the body's bytes, the credential), so
 * that the hostile part reaches past the first check.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Past the gateway's quarkus.http.limits.max-body-size (20M). */
    private static final int OVERSIZE_BYTES = 21 * 1024 * 1024;
    private static final String PLACEHOLDER = "\"@@hostile@@\"";
    private static final List<String> DEAD_LETTER_TOPICS = List.of("measurements.recorded.v1.dlq.scoring-service",
            "measurements.submitted.v1.dlq.measurements-service", "scores.updated.v1.dlq.gateway");
    private static final List<String> EVENT_FIELDS = List.of("eventId", "planId", "indicatorId", "component", "period",
            "value", "unit", "kind", "supersedes", "observedAt", "note", "evidenceUrl");

    private record Operation(String name, int weight, BiFunction<SplittableRandom, Builder, HostileRequest> make) {
    }

    private final long seed;
    private final Fixtures fixtures;
    private final JsonNode planDocument;
    private final List<Operation> operations = new ArrayList<>();
    private final int totalWeight;

    HostileRequests(long seed, Fixtures fixtures) {
        this.seed = seed;
        this.fixtures = fixtures;
        try {
            this.planDocument = JSON.readTree(fixtures.planDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        operation("GET /api/v1/agencies", 3, (r, b) -> b.query(r, Map.of("page", "0", "size", "10")).done());
        operation("POST /api/v1/agencies", 4, (r, b) -> b.json(r, "{\"name\":" + HostileValues.jsonString("hostile agency "
                + r.nextInt(1000)) + ",\"nameEn\":\"Hostile\",\"parentId\":\"" + fixtures.agencyA() + "\"}").done());
        operation("GET /api/v1/agencies/{agencyId}", 3, (r, b) -> b.path(r, fixtures.agencyA()).done());
        operation("POST /api/v1/measurements", 16, (r, b) -> b.measurements(r).done());
        operation("GET /api/v1/measurements", 3, (r, b) -> b.query(r, Map.of("planId", fixtures.planA(),
                "indicatorId", indicator(r).id(), "year", "2018", "page", "0", "size", "10")).done());
        operation("POST /api/v1/measurements/import", 8, (r, b) -> b.measurementsCsv(r).done());
        operation("GET /api/v1/measurements/rejected", 3, (r, b) -> b.query(r, Map.of("planId", fixtures.planA(),
                "page", "0", "size", "10")).done());
        operation("GET /api/v1/plans", 3, (r, b) -> b.query(r, Map.of("q", "警察", "year", "2018", "kind", "mid_term",
                "agency", fixtures.agencyA(), "fixtureId", "001", "page", "0", "size", "5")).done());
        operation("POST /api/v1/plans", 5, (r, b) -> b.query(r, Map.of("draft", "true", "agencyId", fixtures.agencyA()))
                .json(r, planDocumentText(r)).done());
        operation("POST /api/v1/plans/import", 5, (r, b) -> b.query(r, Map.of("draft", "true", "title", "hostile",
                "agency", "hostile agency", "kind", "annual")).planImport(r).done());
        operation("PUT /api/v1/plans/{planId}", 4, (r, b) -> b.path(r, fixtures.planC())
                .json(r, planDocumentText(r)).done());
        operation("GET /api/v1/plans/{planId}", 3, (r, b) -> b.path(r, fixtures.planA())
                .query(r, Map.of("version", "1")).done());
        operation("GET /api/v1/plans/{planId}/export", 3, (r, b) -> b.path(r, fixtures.planA())
                .query(r, Map.of("format", r.nextBoolean() ? "csv" : "json", "version", "1")).done());
        operation("GET /api/v1/plans/{planId}/versions", 3, (r, b) -> b.path(r, fixtures.planA())
                .query(r, Map.of("page", "0", "size", "10")).done());
        operation("GET /api/v1/plans/{planId}/versions/{from}/diff/{to}", 3, (r, b) -> b.path(r, fixtures.planC())
                .path(r, "1").path(r, "2").done());
        operation("POST /api/v1/plans/{planId}/versions/{version}/approve", 4, (r, b) -> b.path(r, fixtures.planC())
                .path(r, "2").json(r, "{\"justification\":\"hostile campaign\"}").done());
        operation("GET /api/v1/scores/plans/{planId}", 3, (r, b) -> b.path(r, fixtures.planA())
                .query(r, Map.of("year", "2018", "version", "1", "asOf", "2026-01-01T00:00:00Z")).done());
        operation("GET /api/v1/scores/plans/{planId}/admin-inputs", 2, (r, b) -> b.path(r, fixtures.planA()).done());
        operation("POST /api/v1/scores/plans/{planId}/admin-inputs", 6, (r, b) -> b.path(r, fixtures.planA())
                .json(r, "{\"indicatorId\":\"" + indicator(r).id() + "\",\"year\":2018,\"kind\":\"baseline_value\","
                        + "\"value\":74.2,\"note\":\"hostile campaign\"}").done());
        operation("GET /api/v1/scores/plans/{planId}/history", 3, (r, b) -> b.path(r, fixtures.planA())
                .query(r, Map.of("year", "2018", "order", "oldest", "page", "0", "size", "10")).done());
        operation("GET /api/v1/scores/plans/{planId}/indicators/{indicatorId}", 3, (r, b) -> b.path(r, fixtures.planA())
                .path(r, indicator(r).id()).query(r, Map.of("year", "2018", "asOf", "2026-01-01T00:00:00Z",
                        "page", "0", "size", "10")).done());
        operation("POST /api/v1/scores/rebuild", 1, (r, b) -> b.done());
        operation("GET /api/v1/scores/rebuild/{jobId}", 2, (r, b) -> b.path(r, UUID.randomUUID().toString()).done());
        operation("GET /api/v1/scores/stream", 3, (r, b) -> b.query(r, Map.of("planId", fixtures.planA()))
                .lastEventId(r).done());
        operation("POST /api/v1/agencies/{agencyId}/api-keys", 3, (r, b) -> b.path(r, fixtures.agencyB())
                .json(r, "{\"name\":\"hostile key\",\"role\":\"viewer\"}").done());
        operation("GET /api/v1/agencies/{agencyId}/api-keys", 2, (r, b) -> b.path(r, fixtures.agencyA()).done());
        operation("GET /api/v1/api-keys", 2, (r, b) -> b.query(r, Map.of("agencyId", fixtures.agencyA(), "role", "agency",
                "page", "0", "size", "10")).done());
        operation("GET /api/v1/api-keys/audit", 2, (r, b) -> b.query(r, Map.of("keyId", fixtures.viewerKeyId(),
                "agencyId", fixtures.agencyA(), "page", "0", "size", "10")).done());
        // The viewer's own key is offered to the callers who may not revoke it; an administrator only ever gets
        // ids that are no key, so that the fixture's credentials survive the campaign.
        operation("DELETE /api/v1/api-keys/{keyId}", 2, (r, b) -> b.path(r, b.credential == Credential.ADMIN
                ? UUID.randomUUID().toString() : fixtures.viewerKeyId()).done());
        operation("GET /api/v1/admin/dead-letters", 2, (r, b) -> b.query(r, Map.of("topic",
                HostileValues.pick(r, DEAD_LETTER_TOPICS), "page", "0", "size", "5")).done());
        operation("POST /api/v1/admin/dead-letters/{topic}/redrive", 1, (r, b) -> b.path(r,
                HostileValues.pick(r, DEAD_LETTER_TOPICS)).done());
        this.totalWeight = operations.stream().mapToInt(Operation::weight).sum();
    }

    private void operation(String name, int weight, BiFunction<SplittableRandom, Builder, HostileRequest> make) {
        operations.add(new Operation(name, weight, make));
    }

    /** Every operation the campaign aims at. */
    List<String> operationNames() {
        return operations.stream().map(Operation::name).toList();
    }

    HostileRequest request(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int pick = random.nextInt(totalWeight);
        Operation operation = operations.get(0);
        for (Operation candidate : operations) {
            pick -= candidate.weight();
            if (pick < 0) {
                operation = candidate;
                break;
            }
        }
        Builder builder = new Builder(index, operation.name(), credential(random, operation.name()));
        return operation.make().apply(random, builder);
    }

    private Credential credential(SplittableRandom random, String operation) {
        Credential[] all = Credential.values();
        // mostly the credentials that pass the gateway, so the hostile part reaches the services
        int roll = random.nextInt(100);
        if (roll < 40) {
            return Credential.ADMIN;
        }
        if (roll < 60) {
            return operation.contains("/measurements") ? Credential.OWNER_AGENCY : Credential.ADMIN;
        }
        return all[random.nextInt(all.length)];
    }

    private Fixtures.Indicator indicator(SplittableRandom random) {
        return fixtures.indicators().get(random.nextInt(fixtures.indicators().size()));
    }

    /** The fixture plan document (fresh fixture id, so that it could be created), spoiled at one place or more. */
    private String planDocumentText(SplittableRandom random) {
        ObjectNode document = planDocument.deepCopy();
        document.put("fixture_id", "hostile-" + random.nextInt(1_000_000));
        int spoils = random.nextInt(4);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < spoils; i++) {
            if (spoilSomewhere(random, document)) {
                tokens.add(HostileValues.anyJsonToken(random));
            }
        }
        String text = document.toString();
        for (String token : tokens) {
            text = text.replaceFirst(java.util.regex.Pattern.quote(PLACEHOLDER), java.util.regex.Matcher.quoteReplacement(token));
        }
        return text;
    }

    /** Puts the placeholder at a random place of the tree (a field's value or an array item); false if none. */
    private static boolean spoilSomewhere(SplittableRandom random, JsonNode root) {
        JsonNode node = root;
        for (int depth = 0; depth < 8; depth++) {
            if (node.isObject() && node.size() > 0) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                JsonNode child = node.get(name);
                if (!child.isContainerNode() || child.size() == 0 || random.nextInt(4) == 0) {
                    ((ObjectNode) node).putRawValue(name, new com.fasterxml.jackson.databind.util.RawValue(PLACEHOLDER));
                    return true;
                }
                node = child;
            } else if (node.isArray() && node.size() > 0) {
                int at = random.nextInt(node.size());
                JsonNode child = node.get(at);
                if (!child.isContainerNode() || child.size() == 0 || random.nextInt(4) == 0) {
                    ((ArrayNode) node).set(at, JSON.getNodeFactory().rawValueNode(
                            new com.fasterxml.jackson.databind.util.RawValue(PLACEHOLDER)));
                    return true;
                }
                node = child;
            } else {
                return false;
            }
        }
        return false;
    }

    /** One request under construction: its path grows a segment at a time, then its query, headers and body. */
    final class Builder {
        private final long index;
        private final String operation;
        private final Credential credential;
        private final StringBuilder path;
        private final List<String> templateRest;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String query = "";
        private byte[] body;
        private final List<String> what = new ArrayList<>();

        Builder(long index, String operation, Credential credential) {
            this.index = index;
            this.operation = operation;
            this.credential = credential;
            String template = operation.substring(operation.indexOf(' ') + 1);
            this.templateRest = new ArrayList<>(List.of(template.split("(?=\\{)|(?<=})")));
            this.path = new StringBuilder(templateRest.remove(0));
        }

        /** The next path parameter: {@code valid} mostly, else a hostile segment. */
        Builder path(SplittableRandom random, String valid) {
            String value = valid;
            if (random.nextInt(3) == 0) {
                value = switch (random.nextInt(5)) {
                    case 0 -> HostileValues.pick(random, HostileValues.UUIDS);
                    case 1 -> UUID.randomUUID().toString();
                    case 2 -> valid.toUpperCase(java.util.Locale.ROOT);
                    default -> HostileValues.anyUriText(random);
                };
                what.add("path " + HostileRequest.abbreviate(value, 40));
            }
            templateRest.remove(0);
            String segment = value.isEmpty() ? "%20" : encode(value);
            if (random.nextInt(40) == 0) {
                // a traversal the URI keeps as it is
                segment = HostileValues.pick(random, List.of("..", ".", "..%2F..", "%2e%2e", "a%2Fb", "%00", "%C0%AE%C0%AE"));
                what.add("path " + segment);
            }
            path.append(segment);
            if (!templateRest.isEmpty() && !templateRest.get(0).startsWith("{")) {
                path.append(templateRest.remove(0));
            }
            return this;
        }

        /** Query parameters: the valid ones, some of them spoiled, dropped, repeated, or an unknown one added. */
        Builder query(SplittableRandom random, Map<String, String> valid) {
            List<String> pairs = new ArrayList<>();
            for (Map.Entry<String, String> parameter : new java.util.TreeMap<>(valid).entrySet()) {
                int roll = random.nextInt(6);
                if (roll == 0) {
                    continue;
                }
                String value = parameter.getValue();
                if (roll == 1) {
                    value = HostileValues.anyUriText(random);
                    what.add(parameter.getKey() + "=" + HostileRequest.abbreviate(value, 40));
                }
                pairs.add(encode(parameter.getKey()) + "=" + encode(value));
                if (random.nextInt(30) == 0) {
                    pairs.add(encode(parameter.getKey()) + "=" + encode(HostileValues.anyUriText(random)));
                    what.add(parameter.getKey() + " twice");
                }
            }
            if (random.nextInt(20) == 0) {
                pairs.add(encode(HostileValues.anyUriText(random)) + "=" + encode(HostileValues.anyUriText(random)));
                what.add("unknown parameter");
            }
            query = pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
            return this;
        }

        Builder lastEventId(SplittableRandom random) {
            if (random.nextInt(4) != 0) {
                String value = HostileValues.pick(random, List.of("-1", "0", "abc", "1e5", "NaN", "9223372036854775807",
                        "9223372036854775808", "99999999999999999999999", "1.5", " 7", "0x10", "'; DROP TABLE x;--",
                        "1".repeat(5000), "%00", "18446744073709551616", "-9223372036854775808", ""));
                headers.put("Last-Event-ID", value);
                what.add("Last-Event-ID " + HostileRequest.abbreviate(value, 40));
            }
            return this;
        }

        /** A JSON body: {@code valid} spoiled at one field, or at the level of its bytes. */
        Builder json(SplittableRandom random, String valid) {
            headers.put("Content-Type", "application/json");
            String text = valid;
            int roll = random.nextInt(10);
            if (roll < 5) {
                text = spoilField(random, valid);
            } else if (roll < 9) {
                bytes(random, valid);
                return this;
            }
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        private String spoilField(SplittableRandom random, String valid) {
            try {
                JsonNode tree = JSON.readTree(valid);
                if (tree.isObject() && tree.size() > 0 && spoilSomewhere(random, tree)) {
                    String token = HostileValues.anyJsonToken(random);
                    what.add("field " + HostileRequest.abbreviate(token, 40));
                    return tree.toString().replace(PLACEHOLDER, token);
                }
            } catch (IOException notJson) {
                // already spoiled beyond reading: send it as it is
            }
            return valid;
        }

        /** The body spoiled as bytes: truncated, nested, replaced, mis-encoded, oversize. */
        private void bytes(SplittableRandom random, String valid) {
            byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
            switch (random.nextInt(14)) {
                case 0 -> {
                    body = java.util.Arrays.copyOf(utf8, random.nextInt(Math.max(1, utf8.length)));
                    what.add("truncated JSON");
                }
                case 1 -> {
                    body = HostileValues.deepNest(random, 500 + random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
                    what.add("deeply nested JSON");
                }
                case 2 -> {
                    String token = HostileValues.anyJsonToken(random);
                    body = token.getBytes(StandardCharsets.UTF_8);
                    what.add("body " + HostileRequest.abbreviate(token, 40));
                }
                case 3 -> {
                    body = new byte[0];
                    what.add("empty body");
                }
                case 4 -> {
                    body = valid.getBytes(Charset.forName(random.nextBoolean() ? "UTF-16" : "UTF-32"));
                    what.add("UTF-16/32 body");
                }
                case 5 -> {
                    body = concat(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, utf8);
                    what.add("invalid UTF-8");
                }
                case 6 -> {
                    body = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
                    what.add("byte-order mark");
                }
                case 7 -> {
                    body = ("[" + valid + "," + valid + "]").getBytes(StandardCharsets.UTF_8);
                    what.add("array of bodies");
                }
                case 8 -> {
                    body = valid.replaceFirst("\\{", "{\"__proto__\":{},\"a\":1,\"a\":2,").getBytes(StandardCharsets.UTF_8);
                    what.add("duplicate keys");
                }
                case 9 -> {
                    body = (valid + valid).getBytes(StandardCharsets.UTF_8);
                    what.add("two bodies");
                }
                case 10 -> {
                    body = valid.replace(":", ": /* c */ ").replace("}", ",}").getBytes(StandardCharsets.UTF_8);
                    what.add("comments and trailing commas");
                }
                case 11 -> {
                    headers.put("Content-Type", HostileValues.pick(random, List.of("text/plain", "application/xml",
                            "application/json; charset=latin1", "multipart/form-data", "application/x-www-form-urlencoded")));
                    body = utf8;
                    what.add("content type " + headers.get("Content-Type"));
                }
                case 12 -> {
                    int roll = random.nextInt(40);
                    if (roll == 0) {
                        body = oversize(utf8);
                        what.add("oversize body");
                    } else {
                        int length = roll < 8 ? 2_000_000 : 200_000;
                        body = ("{\"a\":" + HostileValues.jsonString("x".repeat(length)) + "}").getBytes(StandardCharsets.UTF_8);
                        what.add(length + "-character string");
                    }
                }
                default -> {
                    body = valid.replace("\"", "\u0000\"").getBytes(StandardCharsets.UTF_8);
                    what.add("raw U+0000 bytes");
                }
            }
        }

        /** A single measurement event or a batch, built valid and then spoiled. */
        Builder measurements(SplittableRandom random) {
            int roll = random.nextInt(10);
            if (roll < 6) {
                return json(random, event(random).toString());
            }
            headers.put("Content-Type", "application/json");
            if (random.nextInt(400) == 0) {
                StringBuilder batch = new StringBuilder("{\"events\":[");
                for (int i = 0; i <= 10_000; i++) {
                    batch.append(i == 0 ? "" : ",").append(event(random));
                }
                body = batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                what.add("10,001 events");
                return this;
            }
            int count = 1 + random.nextInt(20);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int spoil = random.nextInt(8);
                events.add(switch (spoil) {
                    case 0 -> spoilField(random, event(random).toString());
                    case 1 -> HostileValues.pick(random, HostileValues.SCALARS);
                    default -> event(random).toString();
                });
            }
            what.add("batch of " + count);
            body = ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(5) == 0) {
                bytes(random, new String(body, StandardCharsets.UTF_8));
            }
            return this;
        }

        private ObjectNode event(SplittableRandom random) {
            Fixtures.Indicator indicator = indicator(random);
            int year = indicator.years().get(random.nextInt(indicator.years().size()));
            ObjectNode event = JSON.createObjectNode()
                    .put("eventId", UUID.randomUUID().toString())
                    .put("planId", random.nextInt(10) == 0 ? fixtures.planB() : fixtures.planA())
                    .put("indicatorId", indicator.id())
                    .put("period", String.valueOf(year))
                    .put("value", random.nextInt(100))
                    .put("unit", indicator.unit())
                    .put("observedAt", year + "-12-31T00:00:00Z");
            switch (random.nextInt(6)) {
                case 0 -> event.put("kind", "correction")
                        .put("supersedes", fixtures.recordedEventIds().get(random.nextInt(fixtures.recordedEventIds().size())));
                case 1 -> event.put("kind", "retraction")
                        .put("supersedes", fixtures.recordedEventIds().get(random.nextInt(fixtures.recordedEventIds().size())));
                case 2 -> event.put("note", "hostile campaign").put("evidenceUrl", "https://example.org/evidence");
                default -> event.put("kind", "actual");
            }
            return event;
        }

        /** A measurements CSV: the valid header and rows, with hostile cells, a broken header, or bad bytes. */
        Builder measurementsCsv(SplittableRandom random) {
            headers.put("Content-Type", "text/csv");
            StringBuilder csv = new StringBuilder(String.join(",", EVENT_FIELDS)).append("\r\n");
            int rows = random.nextInt(2000) == 0 ? 10_001 : 1 + random.nextInt(10);
            for (int row = 0; row < rows; row++) {
                ObjectNode event = event(random);
                List<String> cells = new ArrayList<>();
                for (String field : EVENT_FIELDS) {
                    String cell = event.path(field).asText("");
                    if (random.nextInt(12) == 0) {
                        cell = HostileValues.anyText(random);
                        what.add(field + " cell " + HostileRequest.abbreviate(cell, 30));
                    }
                    cells.add(csvCell(cell));
                }
                csv.append(String.join(",", cells)).append(random.nextInt(5) == 0 ? "\n" : "\r\n");
            }
            if (rows > 10_000) {
                what.add("10,001 rows");
            }
            body = spoilCsv(random, csv.toString());
            return this;
        }

        /** A plan KPI table: the export's layout with hostile cells, or a JSON import body. */
        Builder planImport(SplittableRandom random) {
            if (random.nextInt(4) == 0) {
                return json(random, "{\"plans\":[" + planDocumentText(random) + "]}");
            }
            headers.put("Content-Type", "text/csv");
            StringBuilder csv = new StringBuilder("序號,關鍵策略目標,類別,編號,關鍵績效指標,評估體制,評估方式,衡量標準,107,108\r\n");
            int rows = 1 + random.nextInt(6);
            for (int row = 0; row < rows; row++) {
                List<String> cells = new ArrayList<>(List.of(String.valueOf(row + 1), "加強打擊犯罪", "業務成果", "1",
                        "全般刑案破獲率", "1", "統計數據", "全般刑案破獲率", "85%", "≥86%"));
                if (random.nextInt(2) == 0) {
                    String cell = HostileValues.anyText(random);
                    cells.set(random.nextInt(cells.size()), cell);
                    what.add("cell " + HostileRequest.abbreviate(cell, 30));
                }
                csv.append(String.join(",", cells.stream().map(HostileRequests::csvCell).toList())).append("\r\n");
            }
            body = spoilCsv(random, csv.toString());
            return this;
        }

        private byte[] spoilCsv(SplittableRandom random, String csv) {
            switch (random.nextInt(12)) {
                case 0 -> {
                    what.add("Latin-1 bytes");
                    return csv.getBytes(StandardCharsets.ISO_8859_1);
                }
                case 1 -> {
                    what.add("UTF-16 with BOM");
                    return csv.getBytes(StandardCharsets.UTF_16);
                }
                case 2 -> {
                    what.add("invalid UTF-8");
                    byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
                    return concat(java.util.Arrays.copyOf(utf8, utf8.length / 2),
                            concat(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1}, utf8));
                }
                case 3 -> {
                    what.add("unterminated quote");
                    return (csv + "\"never closed,").getBytes(StandardCharsets.UTF_8);
                }
                case 4 -> {
                    what.add("U+0000 bytes");
                    return csv.replace(",", ",\u0000").getBytes(StandardCharsets.UTF_8);
                }
                case 5 -> {
                    what.add("header only");
                    return csv.substring(0, csv.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8);
                }
                case 6 -> {
                    what.add("broken header");
                    return ("planId,planId,bogus," + csv).getBytes(StandardCharsets.UTF_8);
                }
                case 7 -> {
                    what.add("empty");
                    return new byte[0];
                }
                case 8 -> {
                    what.add("a 200,000-character line");
                    return (csv + "x".repeat(200_000) + "\r\n").getBytes(StandardCharsets.UTF_8);
                }
                case 9 -> {
                    if (random.nextInt(40) == 0) {
                        what.add("oversize body");
                        return oversize(csv.getBytes(StandardCharsets.UTF_8));
                    }
                    return csv.getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    return csv.getBytes(StandardCharsets.UTF_8);
                }
            }
        }

        HostileRequest done() {
            return new HostileRequest(index, operation, operation.substring(0, operation.indexOf(' ')),
                    path + query, Map.copyOf(headers), body, credential,
                    what.isEmpty() ? "valid but for the credential" : String.join("; ", what));
        }
    }

    private static byte[] oversize(byte[] start) {
        byte[] big = new byte[OVERSIZE_BYTES];
        java.util.Arrays.fill(big, (byte) ' ');
        System.arraycopy(start, 0, big, 0, Math.min(start.length, big.length));
        return big;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /** Percent-encodes a path segment or a parameter (spaces as %20, which both places read). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
