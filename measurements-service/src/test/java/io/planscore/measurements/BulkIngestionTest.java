package io.planscore.measurements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.infra.TestIdentities;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.RejectedMeasurement;
import io.planscore.measurements.plan.IndicatorRules;
import io.planscore.measurements.plan.PlanDocumentReader;
import io.planscore.measurements.support.Api;
import io.planscore.measurements.support.TestPlans;
import io.planscore.measurements.support.Topics;
import io.planscore.platform.outbox.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 10,000 mixed events (valid, intra-batch duplicates, invalid, conflicting duplicates, corrections, retractions)
 * posted twice over HTTP, then the same batch through Kafka.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BulkIngestionTest {

    /** A multiple of 60 (every invalid kind in every slot); -Dbulk.size=... for a quicker run. */
    static final int SIZE = Integer.getInteger("bulk.size", 10_000);
    static final int ACCEPTED = SIZE / 10 * 7;
    static final int DUPLICATES = SIZE / 10;
    static final int REJECTED = SIZE / 10 * 2;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @TestHTTPResource("/api/v1/measurements")
    URL url;

    /**
     * Builds the mixed batch for a plan; every 10 events: 6 valid, 1 duplicate, 1 invalid, 1 conflict, and a
     * correction (even tens) or a retraction (odd tens) of the first.
     */
    static List<ObjectNode> mixedBatch(String planId, long seed) {
        List<IndicatorRules> counts = PlanDocumentReader.read(TestPlans.document(TestPlans.KEELUNG_EDUCATION)).indicators()
                .stream().filter(r -> r.nonNegative() && r.components().isEmpty()).toList();
        Random random = new Random(seed);
        List<ObjectNode> events = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            int slot = i % 10;
            ObjectNode e;
            if (slot <= 5) {
                IndicatorRules indicator = counts.get(random.nextInt(counts.size()));
                e = Api.event(planId, indicator.indicatorId(), (2020 + random.nextInt(4)) + "-" + String.format("%02d",
                        1 + random.nextInt(12)), random.nextInt(5000));
                if (random.nextBoolean()) {
                    e.put("unit", indicator.unit());
                }
                e.put("note", "bulk " + i);
            } else if (slot == 6) {
                e = events.get(i - 6).deepCopy();
            } else if (slot == 7) {
                e = events.get(i - 7).deepCopy();
                e.put("eventId", UUID.randomUUID().toString());
                switch ((i / 10) % 6) {
                    case 0 -> e.put("indicatorId", "NO-SUCH-INDICATOR");
                    case 1 -> e.put("period", "2021-Q5");
                    case 2 -> e.put("period", "2030");
                    case 3 -> e.put("value", -1);
                    case 4 -> e.put("unit", "萬" + counts.stream().filter(c -> c.indicatorId().equals(e.get("indicatorId").asText()))
                            .findFirst().orElseThrow().unit());
                    default -> e.put("value", "12,5");
                }
            } else if (slot == 8) {
                e = events.get(i - 8).deepCopy();
                e.put("value", e.get("value").asInt() + 1);
            } else if ((i / 10) % 2 == 0) {
                ObjectNode of = events.get(i - 9);
                e = Api.event(planId, of.get("indicatorId").asText(), of.get("period").asText(), of.get("value").asInt() + 10);
                e.put("kind", "correction");
                e.put("supersedes", of.get("eventId").asText());
            } else {
                ObjectNode of = events.get(i - 9);
                e = Api.event(planId, of.get("indicatorId").asText(), of.get("period").asText(), null);
                e.remove("period"); // a retraction inherits the period of the event it withdraws
                e.put("kind", "retraction");
                e.put("supersedes", of.get("eventId").asText());
            }
            events.add(e);
        }
        return events;
    }

    static String expectedCode(int i) {
        return switch (i % 10) {
            case 7 -> switch ((i / 10) % 6) {
                case 0 -> "UNKNOWN_INDICATOR";
                case 1 -> "INVALID_PERIOD";
                case 2 -> "PERIOD_OUT_OF_RANGE";
                case 3 -> "OUT_OF_RANGE";
                case 4 -> "UNIT_MISMATCH";
                default -> "INVALID_VALUE";
            };
            case 8 -> "CONFLICTING_DUPLICATE";
            default -> null;
        };
    }

    static String body(List<ObjectNode> events) {
        ObjectNode body = Api.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return Api.write(body);
    }

    @Test
    void tenThousandMixedEventsTwiceOverHttpThenThroughKafka() {
        String plan = TestPlans.newId();
        TestPlans.approve(companion, plan, TestPlans.newId(), 1, TestPlans.KEELUNG_EDUCATION);
        List<ObjectNode> events = mixedBatch(plan, 42);
        String body = body(events);

        long start = System.nanoTime();
        JsonNode first = postTimed(body);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        JsonNode second = postTimed(body);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%n[timing] POST of %,d mixed events (request to full response): first %,d ms (%d accepted), "
                + "repeat %,d ms (all known); load average %s%n%n", SIZE, firstMillis, first.get("accepted").asInt(),
                secondMillis, loadAverage());

        assertThat(first.get("accepted").asInt()).isEqualTo(ACCEPTED);
        assertThat(first.get("duplicates").asInt()).isEqualTo(DUPLICATES);
        assertThat(first.get("rejected").asInt()).isEqualTo(REJECTED);
        assertThat(second.get("accepted").asInt()).isZero();
        assertThat(second.get("duplicates").asInt()).isEqualTo(ACCEPTED + DUPLICATES);
        assertThat(second.get("rejected").asInt()).isEqualTo(REJECTED);

        List<Map<String, Object>> r1 = Api.MAPPER.convertValue(first.get("results"), List.class);
        List<Map<String, Object>> r2 = Api.MAPPER.convertValue(second.get("results"), List.class);
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < SIZE; i++) {
            String s1 = (String) r1.get(i).get("status");
            String s2 = (String) r2.get(i).get("status");
            String expected = switch (i % 10) {
                case 6 -> "duplicate";
                case 7, 8 -> "rejected";
                default -> "accepted";
            };
            assertThat(s1).as("event %d first", i).isEqualTo(expected);
            assertThat(s2).as("event %d repeat", i).isEqualTo(s1.equals("accepted") ? "duplicate" : s1);
            assertThat(r1.get(i).get("eventId")).isEqualTo(events.get(i).get("eventId").asText());
            assertThat(r2.get(i).get("eventId")).isEqualTo(r1.get(i).get("eventId"));
            if (s1.equals("rejected")) {
                assertThat(codes(r1.get(i))).as("event %d", i).contains(expectedCode(i)).isEqualTo(codes(r2.get(i)));
            }
            if (s1.equals("accepted")) {
                accepted.add((String) r1.get(i).get("eventId"));
            }
        }
        assertThat(accepted).hasSize(ACCEPTED);

        // exactly one row and one recorded measurement per accepted eventId, in a handful of records
        assertThat(count(Measurement.class, plan)).isEqualTo(ACCEPTED);
        assertThat(count(RejectedMeasurement.class, plan)).isEqualTo(2L * REJECTED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Measurement.count("planId = ?1 and status = 'superseded'", plan)))
                .isEqualTo(SIZE / 20);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Measurement.count("planId = ?1 and status = 'retracted'", plan)))
                .isEqualTo(SIZE / 20);
        try (Topics recorded = Topics.read(companion, "measurements.recorded.v1")) {
            Predicate<JsonNode> ofPlan = m -> plan.equals(m.path("planId").asText());
            await().atMost(Duration.ofSeconds(120)).until(() -> recorded.measurements(ofPlan).size() >= ACCEPTED);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> recorded.measurements(ofPlan).size() == ACCEPTED);
            Map<String, Long> perEvent = recorded.measurements(ofPlan).stream()
                    .collect(Collectors.groupingBy(m -> m.path("eventId").asText(), Collectors.counting()));
            assertThat(perEvent.keySet()).isEqualTo(accepted);
            assertThat(perEvent.values()).allMatch(n -> n == 1);
            // one record per plan and chunk of the request (more only if a chunk's events would not fit one)
            assertThat(recorded.withKey(plan)).hasSizeLessThan(ACCEPTED / 100)
                    .allMatch(r -> "MeasurementsRecorded".equals(Topics.header(r, "eventType")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("key", plan)) == 0);

        // the same events through measurements.submitted.v1
        String kafkaPlan = TestPlans.newId();
        TestPlans.approve(companion, kafkaPlan, TestPlans.newId(), 1, TestPlans.KEELUNG_EDUCATION);
        List<ObjectNode> viaKafka = mixedBatch(kafkaPlan, 42);
        List<ProducerRecord<String, String>> records = viaKafka.stream()
                .map(e -> new ProducerRecord<>("measurements.submitted.v1", kafkaPlan, Api.write(e))).toList();
        start = System.nanoTime();
        companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofMinutes(2));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> count(Measurement.class, kafkaPlan) == ACCEPTED
                        && count(RejectedMeasurement.class, kafkaPlan) == REJECTED);
        long kafkaMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%n[timing] %,d mixed events through measurements.submitted.v1: %,d ms from first send to "
                + "last stored; load average %s%n%n", SIZE, kafkaMillis, loadAverage());

        Map<UUID, Measurement> recordedRows = QuarkusTransaction.requiringNew().call(() -> Measurement
                .<Measurement>list("planId", kafkaPlan).stream().collect(Collectors.toMap(m -> m.eventId, m -> m)));
        Map<UUID, List<List<String>>> rejectedCodes = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> RejectedMeasurement.<RejectedMeasurement>list("planId", kafkaPlan)
                .forEach(r -> rejectedCodes.computeIfAbsent(r.eventId, k -> new ArrayList<>()).add(codes(r.errors))));
        for (int i = 0; i < SIZE; i++) {
            UUID id = UUID.fromString(viaKafka.get(i).get("eventId").asText());
            String status = (String) r1.get(i).get("status");
            if (status.equals("accepted") || status.equals("duplicate")) {
                assertThat(recordedRows).as("kafka event %d", i).containsKey(id);
                assertThat(recordedRows.get(id).channel).isEqualTo("kafka");
                assertThat(recordedRows.get(id).submittedBy).isEqualTo("kafka:admin");
            } else {
                assertThat(rejectedCodes.get(id)).as("kafka event %d", i).contains(codes(r1.get(i)));
            }
        }

        // sending the whole batch again: nothing new is recorded, the rejections are reported again
        companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofMinutes(2));
        await().atMost(Duration.ofMinutes(3)).until(() -> count(RejectedMeasurement.class, kafkaPlan) == 2L * REJECTED);
        assertThat(count(Measurement.class, kafkaPlan)).isEqualTo(ACCEPTED);
    }

    /** Outside REST Assured, whose read timeout a 10,000-event request may outlast on a busy machine. */
    JsonNode postTimed(String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url.toURI()).timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "application/json").header(TestIdentities.HEADER, TestIdentities.admin())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return Api.MAPPER.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> result) {
        return ((List<Map<String, String>>) result.get("errors")).stream().map(e -> e.get("code")).toList();
    }

    static List<String> codes(String errorsJson) {
        try {
            List<String> codes = new ArrayList<>();
            for (JsonNode error : Api.MAPPER.readTree(errorsJson)) {
                codes.add(error.get("code").asText());
            }
            return codes;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Class<?> type, String planId) {
        return QuarkusTransaction.requiringNew().call(() -> type == Measurement.class
                ? Measurement.count("planId", planId) : RejectedMeasurement.count("planId", planId));
    }

}
