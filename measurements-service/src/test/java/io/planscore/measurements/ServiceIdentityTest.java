package io.planscore.measurements;

import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.infra.TestIdentities;
import io.planscore.measurements.support.Api;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.startsWith;

/** Called directly, not through the gateway, measurements-service still checks who calls and what they may do. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceIdentityTest {

    private static final String EVENT = Api.write(Api.event("p-direct", "K1", "2018", 1));

    @Test
    void aMissingForgedExpiredOrMisaddressedIdentityIs401() {
        TestIdentities.refused().forEach((name, request) -> {
            request.get("/api/v1/measurements").then().statusCode(401).contentType(startsWith("application/problem+json"));
            request.contentType(ContentType.JSON).body(EVENT).post("/api/v1/measurements")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
        });
    }

    @Test
    void aViewerReadsButDoesNotWrite() {
        TestIdentities.asViewer().get("/api/v1/measurements").then().statusCode(200);
        TestIdentities.asViewer().contentType(ContentType.JSON).body(EVENT).post("/api/v1/measurements")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        TestIdentities.asViewer().contentType("text/csv").body("planId,indicatorId\np-direct,K1\n")
                .post("/api/v1/measurements/import").then().statusCode(403);
    }
}
