package io.planscore.e2e;

import io.planscore.infra.Directories;
import io.planscore.localrun.Platform;
import io.planscore.localrun.ServiceProcess;
import io.planscore.localrun.Supervision;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.planscore.e2e.PlatformFixture.admin;
import static io.planscore.e2e.PlatformFixture.createPlan;
import static io.planscore.e2e.PlatformFixture.measurement;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * A supervised platform (as the local run is): scoring-service killed with {@code kill -9} from outside is
 * restarted by the launcher; meanwhile the gateway's readiness is DOWN naming it; then a measurement posted
 * through the gateway is scored again.
 */
class SupervisionEndToEndTest {

    private static Platform platform;
    private static Path dataDir;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path home = Path.of(System.getProperty("planscore.home", "../..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("planscore-e2e-supervised-");
        platform = Platform.start(new Platform.Settings(home, dataDir, false, 0, 0, Map.of(), PlatformFixture.ADMIN_KEY,
                false, new Supervision(true, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(1),
                        Duration.ofSeconds(10))));
        RestAssured.baseURI = platform.gateway().baseUri().toString();
        RestAssured.port = platform.gateway().port();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (dataDir != null) {
            Directories.deleteRecursively(dataDir);
        }
    }

    @Test
    void aKilledServiceIsRestartedAndTheGatewaySaysWhichIsDownMeanwhile() {
        String planId = createPlan("001_keelung-police_107-110.json");
        await().atMost(Duration.ofSeconds(90)).until(() ->
                admin().get("/api/v1/scores/plans/{planId}?year=2018", planId).statusCode() == 200);
        ServiceProcess scoring = platform.service("scoring-service");
        long killed = scoring.pid();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'upstreams' }.data.'scoring-service'",
                                anyOf(equalTo("UNREACHABLE"), startsWith("DOWN"))));
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(scoring.pid()).isNotEqualTo(killed);
            given().get("/q/health/ready").then().statusCode(200);
        });
        assertThat(Files.exists(dataDir.resolve("run/scoring-service.pid"))).as("the new JVM is recorded").isTrue();

        UUID eventId = UUID.randomUUID();
        admin().contentType("application/json")
                .body(measurement(eventId, planId, "G2-K1", "2018", "45", "場"))
                .post("/api/v1/measurements")
                .then().statusCode(202).body("results[0].status", equalTo("accepted"));
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> assertThat(admin()
                .get("/api/v1/scores/plans/{planId}/indicators/G2-K1?year=2018", planId)
                .then().statusCode(200).extract().jsonPath().getInt("indicator.value")).isEqualTo(45));
    }
}
