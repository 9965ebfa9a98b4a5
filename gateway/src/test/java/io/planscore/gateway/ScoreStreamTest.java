package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.SseSubscription;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.planscore.gateway.ScoreUpdatesTopic.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live stream against a real broker: score updates published on {@code scoring.score-updated.v1}
 * reach every subscriber in order; a subscriber that reconnects with {@code Last-Event-ID} gets exactly
 * what it missed; a client that stops reading does not hold the others back.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ScoreStreamTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @TestHTTPResource("/api/v1/scores/stream")
    URL stream;

    @BeforeEach
    void topic() {
        ScoreUpdatesTopic.ensureTopic(kafka);
    }

    @Test
    void aReconnectingSubscriberReceivesExactlyTheUpdatesItMissed() throws Exception {
        String planId = "plan-" + UUID.randomUUID();
        publish(planId, 1);
        try (SseSubscription first = subscribe(planId, null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> versions(first).equals(List.of(1L)));
            publish(planId, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> versions(first).equals(List.of(1L, 2L)));
            String lastEventId = first.events("score-updated").get(1).id();
            first.close();

            for (long version = 3; version <= 12; version++) {
                publish(planId, version);
            }
            try (SseSubscription resumed = subscribe(planId, lastEventId)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> versions(resumed).size() >= 10);
                Thread.sleep(500); // nothing more may come
                assertThat(versions(resumed)).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
            }
        }
    }

    @Test
    void aNewSubscriberFirstSeesTheCurrentScorecardsOfItsFilter() throws Exception {
        String planId = "plan-" + UUID.randomUUID();
        String other = "plan-" + UUID.randomUUID();
        publish(planId, 1);
        publish(planId, 2);
        publish(other, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (SseSubscription probe = subscribe(other, null)) {
                Thread.sleep(300);
                return versions(probe).equals(List.of(1L));
            }
        });
        try (SseSubscription subscriber = subscribe(planId, null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> versions(subscriber).equals(List.of(2L)));
            assertThat(subscriber.events()).allSatisfy(e -> assertThat(e.data()).contains(planId));
        }
    }

    @Test
    void manySubscribersGetEveryUpdateWhileOneDoesNotRead() throws Exception {
        String planId = "plan-" + UUID.randomUUID();
        List<SseSubscription> subscribers = new ArrayList<>();
        InputStream stalled = openWithoutReading(planId);
        try {
            for (int i = 0; i < 20; i++) {
                subscribers.add(subscribe(planId, null));
            }
            Thread.sleep(500);
            for (long version = 1; version <= 30; version++) {
                publish(planId, version);
            }
            List<Long> all = IntStream.rangeClosed(1, 30).mapToObj(Long::valueOf).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> subscribers.stream().allMatch(s -> versions(s).equals(all)));
        } finally {
            stalled.close();
            for (SseSubscription subscriber : subscribers) {
                subscriber.close();
            }
        }
    }

    private void publish(String planId, long scoreVersion) {
        ScoreUpdatesTopic.publish(kafka, List.of(ScoreUpdatesTopic.scoreUpdated(planId, "a1", scoreVersion, 0)));
    }

    private SseSubscription subscribe(String planId, String lastEventId) {
        Map<String, String> headers = lastEventId == null ? Map.of("X-API-Key", ApiSecurityTest.ADMIN_KEY)
                : Map.of("X-API-Key", ApiSecurityTest.ADMIN_KEY, "Last-Event-ID", lastEventId);
        return SseSubscription.open(URI.create(stream + "?planId=" + planId), headers);
    }

    /** Opens the stream and never reads it: the gateway must not wait for this client. */
    private InputStream openWithoutReading(String planId) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stream + "?planId=" + planId))
                        .header("X-API-Key", ApiSecurityTest.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body();
    }
}
