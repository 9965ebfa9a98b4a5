package io.planscore.e2e;

import io.planscore.infra.Directories;
import io.planscore.infra.KafkaAccess;
import io.planscore.infra.SseSubscription;
import io.planscore.localrun.Platform;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.measurement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services on a broker that authenticates and authorizes as in production
 * ({@code PLANSCORE_KAFKA_SASL=true}): each signs in as its own Kafka user with only its ACLs, and the whole
 * path still works: a plan approved, an agency's event on its own topic recorded for it, scored and streamed.
 */
class KafkaSaslEndToEndTest {

    private static Platform platform;
    private static Path dataDir;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path home = Path.of(System.getProperty("planscore.home", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("planscore-e2e-sasl-");
        platform = Platform.start(new Platform.Settings(home, dataDir, false, 0, 0, Map.of(), PlatformFixture.ADMIN_KEY,
                true));
        RestAssured.baseURI = platform.gateway().baseUri().toString();
        RestAssured.port = platform.gateway().port();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (dataDir != null) {
            Directories.deleteRecursively(dataDir); // the generated Kafka passwords with the rest
        }
    }

    @Test
    void anAgencysEventOnItsOwnTopicIsRecordedForItScoredAndStreamedWithEveryServiceOnItsOwnKafkaUser()
            throws Exception {
        String planId = createPlan("001_keelung-police_107-110.json");
        String agencyId = admin().get("/api/v1/plans/{planId}", planId).then().statusCode(200)
                .extract().path("agencyId");
        await().atMost(Duration.ofSeconds(90)).until(() ->
                admin().get("/api/v1/scores/plans/{planId}?year=2018", planId).statusCode() == 200);
        Map<String, Object> agencyClient = platform.issueAgencyKafkaUser(agencyId);
        UUID eventId = UUID.randomUUID();

        try (SseSubscription stream = PlatformFixture.stream(platform, planId);
             KafkaProducer<String, String> producer = new KafkaProducer<>(agencyClient, new StringSerializer(),
                     new StringSerializer())) {
            producer.send(new ProducerRecord<>(KafkaAccess.agencyTopic(agencyId), planId,
                    measurement(eventId, planId, "G2-K1", "2018", "45", "場"))).get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> assertThat(admin()
                    .get("/api/v1/scores/plans/{planId}/indicators/G2-K1?year=2018", planId)
                    .then().statusCode(200).extract().jsonPath().getInt("indicator.value")).isEqualTo(45));
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events().stream()
                    .anyMatch(event -> event.data().contains(eventId.toString())));
        }
        assertThat(admin().get("/api/v1/measurements?planId={planId}", planId).then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.eventId == '" + eventId + "' }.submittedBy"))
                .isEqualTo("kafka:agency-" + agencyId);
    }
}
