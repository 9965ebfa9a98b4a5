package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.SseSubscription;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.planscore.gateway.ApiSecurityTest.ADMIN_KEY;
import static io.planscore.gateway.ApiSecurityTest.as;
import static io.planscore.gateway.ScoreUpdatesTopic.scoreUpdated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a stream may cost: an unfiltered stream is for administrators, a resume needs an id the stream
 * sent, and a catch-up larger than a client's buffer arrives whole, in pages, while the gateway stays
 * responsive.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScoreStreamLimitsTest {

    /** More plan-years than one page, more bytes than a client's buffer (1 MiB). */
    private static final int PLAN_YEARS = 300;
    private static final int SCORECARD_PADDING = 6_000;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @TestHTTPResource("/api/v1/scores/stream")
    URL stream;

    @BeforeEach
    void topic() {
        ScoreUpdatesTopic.ensureTopic(kafka);
    }

    @Test
    void aStreamOfEveryPlanIsForAdministrators() {
        String viewer = as(ADMIN_KEY).contentType("application/json").body("{\"role\": \"viewer\"}")
                .post("/api/v1/agencies/a2/api-keys").then().statusCode(201).extract().path("secret");
        as(viewer).accept("text/event-stream").get(stream).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aResumeNeedsAnIdTheStreamSent() {
        for (String invalid : List.of("-1", "0", "+5", "5x", "05", "abc", "1e3", "99999999999999999999",
                "900000000000000000")) {
            as(ADMIN_KEY).accept("text/event-stream").header("Last-Event-ID", invalid)
                    .queryParam("planId", "p1").get(stream)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Last-Event-ID"));
        }
    }

    @Test
    void aLargeCatchUpArrivesWholeInPagesWhileTheGatewayStaysResponsive() {
        String agencyId = "agency-" + UUID.randomUUID();
        List<ProducerRecord<String, String>> records = IntStream.rangeClosed(1, PLAN_YEARS)
                .mapToObj(i -> scoreUpdated("plan-" + UUID.randomUUID(), agencyId, i, SCORECARD_PADDING))
                .toList();
        ScoreUpdatesTopic.publish(kafka, records);
        List<Long> all = IntStream.rangeClosed(1, PLAN_YEARS).mapToObj(Long::valueOf).toList();

        try (SseSubscription fresh = subscribe("agencyId=" + agencyId, Map.of())) {
            // plan ids spread over partitions: the log's order is not the order of publication
            await().atMost(Duration.ofSeconds(90)).until(() -> ScoreUpdatesTopic.versions(fresh).size() >= PLAN_YEARS);
            List<Long> received = ScoreUpdatesTopic.versions(fresh);
            assertThat(received).containsExactlyInAnyOrderElementsOf(all);
            String firstId = fresh.events("score-updated").get(0).id();
            try (SseSubscription resumed = subscribe("agencyId=" + agencyId, Map.of("Last-Event-ID", firstId))) {
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> ScoreUpdatesTopic.versions(resumed).size() >= PLAN_YEARS - 1);
                assertThat(ScoreUpdatesTopic.versions(resumed)).containsExactlyElementsOf(received.subList(1, PLAN_YEARS));
                assertThat(resumed.events("resync")).isEmpty();
            }
            assertThat(fresh.events("resync")).isEmpty();
        }

        List<SseSubscription> everyPlan = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                everyPlan.add(subscribe("", Map.of()));
            }
            as(ADMIN_KEY).get("/api/v1/scores/plans/p1").then().statusCode(200);
            await().atMost(Duration.ofMinutes(4)).until(() -> everyPlan.stream()
                    .allMatch(s -> s.events("score-updated").size() >= PLAN_YEARS));
            assertThat(everyPlan).allSatisfy(s -> assertThat(s.events("resync")).isEmpty());
        } finally {
            everyPlan.forEach(SseSubscription::close);
        }
    }

    private SseSubscription subscribe(String query, Map<String, String> headers) {
        Map<String, String> withKey = new java.util.HashMap<>(headers);
        withKey.put("X-API-Key", ADMIN_KEY);
        return SseSubscription.open(URI.create(stream + "?" + query), withKey);
    }
}
