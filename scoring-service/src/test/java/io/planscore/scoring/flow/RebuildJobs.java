package io.planscore.scoring.flow;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;

import static io.planscore.infra.TestIdentities.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;

/** Starts a rebuild job the way a client does (202 and a Location) and polls it until it has finished. */
final class RebuildJobs {

    private RebuildJobs() {
    }

    static JsonPath rebuildAndWait() {
        String location = asAdmin().post("/api/v1/scores/rebuild")
                .then().statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/scores/rebuild/[0-9a-f-]{36}"))
                .extract().header("Location");
        return awaitFinished(location);
    }

    static JsonPath awaitFinished(String location) {
        String path = location.substring(location.indexOf("/api/v1/"));
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> asAdmin().get(path).then().statusCode(200).extract().jsonPath(),
                        job -> !List.of("QUEUED", "RUNNING").contains(job.getString("state")));
    }
}
