package io.planscore.plans;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change whose event would be larger than the broker takes is refused with a 413 and leaves nothing behind:
 * stored in the outbox, the event would fail every relay round and hold back every event after it. The limit is
 * lowered here so that a real seed plan (about 85 KB as an event) crosses it.
 */
@QuarkusTest
@TestProfile(EventSizeLimitTest.SmallEvents.class)
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EventSizeLimitTest {

    public static class SmallEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("planscore.outbox.max-message-bytes", "50000");
        }
    }

    @Test
    void aPlanWhoseEventWouldBeTooLargeIsRefusedAndNothingIsStored() {
        String large = Fixtures.text("002-19");
        String plansBefore = plansStored();
        Api.post("/api/v1/plans", large)
                .statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("type", containsString("event-too-large"))
                .body("detail", containsString("PlanVersionApproved"))
                .body("detail", containsString("Nothing was changed"));
        assertThat(plansStored()).isEqualTo(plansBefore);

        Api.post("/api/v1/plans", Fixtures.text("001")).statusCode(201);
    }

    private static String plansStored() {
        return Api.get("/api/v1/plans?size=1").statusCode(200).extract().header("X-Total-Count");
    }
}
