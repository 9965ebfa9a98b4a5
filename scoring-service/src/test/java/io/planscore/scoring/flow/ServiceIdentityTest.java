package io.planscore.scoring.flow;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.TestIdentities;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

/** Called directly, not through the gateway, scoring-service still checks who calls and what they may do. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceIdentityTest {

    private static final String INPUT = "{\"indicatorId\": \"K1\", \"year\": 2018, \"kind\": \"baseline_value\", \"value\": 1}";

    @Test
    void aMissingForgedExpiredOrMisaddressedIdentityIs401() {
        TestIdentities.refused().forEach((name, request) -> {
            request.get("/api/v1/scores/plans/p-direct/admin-inputs")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
            request.contentType("application/json").body(INPUT).post("/api/v1/scores/plans/p-direct/admin-inputs")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
        });
    }

    @Test
    void onlyAnAdministratorEntersInputsOrRebuilds() {
        TestIdentities.asViewer().get("/api/v1/scores/plans/p-direct/admin-inputs").then().statusCode(200);
        TestIdentities.asViewer().contentType("application/json").body(INPUT)
                .post("/api/v1/scores/plans/p-direct/admin-inputs")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        TestIdentities.asAgency("a1").contentType("application/json").body(INPUT)
                .post("/api/v1/scores/plans/p-direct/admin-inputs").then().statusCode(403);
        TestIdentities.asViewer().post("/api/v1/scores/rebuild").then().statusCode(403);
    }
}
