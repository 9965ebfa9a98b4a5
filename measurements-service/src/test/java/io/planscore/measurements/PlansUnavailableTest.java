package io.planscore.measurements;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.Api;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * plans-service is down (nothing listens at its URL): an event for a plan not known here yet cannot be checked,
 * so the request is answered 503 {@code plans-unavailable}, never a 500 and never a rejection as an unknown plan;
 * nothing is stored. Repeated, the circuit opens and the answer comes without asking.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = PlansUnavailableTest.PlansServiceDown.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PlansUnavailableTest {

    @Test
    void aMeasurementForAPlanNotKnownYetIs503AndNothingIsStored() {
        String planId = "p-" + UUID.randomUUID();
        ObjectNode event = Api.event(planId, "K1", "2018", 1);

        unavailable(Api.post(Api.admin(), event)).body("detail", containsString(planId));
        unavailable(Api.post(Api.agency("a-" + planId), event));

        Api.admin().queryParam("planId", planId).get("/api/v1/measurements").then().statusCode(200)
                .body("total", equalTo(0));
        Api.admin().queryParam("planId", planId).get("/api/v1/measurements/rejected").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void onceTheCircuitIsOpenTheAnswerComesAtOnce() {
        ObjectNode event = Api.event("p-" + UUID.randomUUID(), "K1", "2018", 1);
        for (int i = 0; i < 10; i++) {
            unavailable(Api.post(Api.admin(), event));
        }

        long start = System.nanoTime();
        unavailable(Api.post(Api.admin(), event)).body("detail", containsString("not asked again"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    private static ValidatableResponse unavailable(ValidatableResponse response) {
        return response.statusCode(503).contentType(startsWith("application/problem+json"))
                .header("Retry-After", "5")
                .body("type", endsWith("/plans-unavailable"));
    }

    /** plans-service's URL is a port nobody listens on. */
    public static class PlansServiceDown implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("planscore.upstream.plans-url", "http://127.0.0.1:" + socket.getLocalPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            // nothing was started
        }
    }
}
