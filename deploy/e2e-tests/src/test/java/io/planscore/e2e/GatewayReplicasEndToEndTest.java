package io.planscore.e2e;

import io.planscore.infra.SseSubscription;
import io.planscore.localrun.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.planscore.e2e.PlatformFixture.ADMIN_KEY;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.measurement;
import static io.planscore.e2e.PlatformFixture.read;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas on one platform: a subscriber on each receives every score update, in the same
 * order with the same event ids, and a subscriber that drops from one replica resumes on the other with
 * {@code Last-Event-ID} and gets exactly what it missed.
 */
class GatewayReplicasEndToEndTest {

    @RegisterExtension
    static final RunningPlatform PLATFORM = new RunningPlatform();

    private static ServiceProcess second;

    @BeforeAll
    static void startReplica() {
        second = PLATFORM.get().startGatewayReplica("gateway-2");
    }

    @Test
    void everyReplicaStreamsEveryUpdateWithTheSameIdsAndAResumeOnTheOtherGetsWhatWasMissed() {
        try (SseSubscription onFirst = everyPlan(PLATFORM.get().gateway(), Map.of())) {
            SseSubscription onSecond = everyPlan(second, Map.of());
            String planId = createPlan("001_keelung-police_107-110.json");
            List<String> before = post(second, planId, 5);
            await().atMost(Duration.ofSeconds(60)).until(() -> triggers(onFirst).contains(last(before))
                    && triggers(onSecond).contains(last(before)));
            onSecond.close();
            List<SseSubscription.Event> seenOnSecond = onSecond.events("score-updated");
            String lastSeen = seenOnSecond.get(seenOnSecond.size() - 1).id();
            assertThat(ids(onFirst.events("score-updated")).subList(0, seenOnSecond.size()))
                    .containsExactlyElementsOf(ids(seenOnSecond));

            List<String> missed = post(PLATFORM.get().gateway(), planId, 5);
            await().atMost(Duration.ofSeconds(60)).until(() -> triggers(onFirst).contains(last(missed)));
            try (SseSubscription resumedOnSecond = everyPlan(second, Map.of("Last-Event-ID", lastSeen))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> triggers(resumedOnSecond).contains(last(missed)));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    List<String> onFirstSince = ids(onFirst.events("score-updated"));
                    return ids(resumedOnSecond.events("score-updated"))
                            .equals(onFirstSince.subList(seenOnSecond.size(), onFirstSince.size()));
                });
                assertThat(triggers(resumedOnSecond)).doesNotContainAnyElementsOf(before);
            }
            List<Long> ids = ids(onFirst.events("score-updated")).stream().map(Long::valueOf).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
        }
    }

    /**
     * The last event of a quick sequence: scoring coalesces what it reads together, so earlier events of the
     * sequence may be folded into the update the last one triggers (the trigger is the last event applied).
     */
    private static String last(List<String> eventIds) {
        return eventIds.get(eventIds.size() - 1);
    }

    /** Posts {@code count} actuals through {@code gateway}; returns their event ids. */
    private static List<String> post(ServiceProcess gateway, String planId, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> {
            UUID eventId = UUID.randomUUID();
            given().baseUri(gateway.baseUri().toString()).port(gateway.port()).header("X-API-Key", ADMIN_KEY)
                    .contentType("application/json")
                    .body(measurement(eventId, planId, "G2-K1", "2018", String.valueOf(40 + i), "場"))
                    .post("/api/v1/measurements")
                    .then().statusCode(202);
            return eventId.toString();
        }).toList();
    }

    private static SseSubscription everyPlan(ServiceProcess gateway, Map<String, String> headers) {
        Map<String, String> withKey = new java.util.HashMap<>(headers);
        withKey.put("X-API-Key", ADMIN_KEY);
        return SseSubscription.open(gateway.baseUri().resolve(URI.create("/api/v1/scores/stream")), withKey);
    }

    private static List<String> triggers(SseSubscription subscription) {
        return subscription.events("score-updated").stream()
                .map(e -> read(e.data()).path("trigger").path("eventId").asText())
                .toList();
    }

    private static List<String> ids(List<SseSubscription.Event> events) {
        return events.stream().map(SseSubscription.Event::id).toList();
    }
}
