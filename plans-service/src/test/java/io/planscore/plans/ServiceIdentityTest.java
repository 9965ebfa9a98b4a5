package io.planscore.plans;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.TestIdentities;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Called directly, not through the gateway, plans-service still checks who calls and what they may do. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceIdentityTest {

    private static final String AGENCY = "{\"name\": \"直接呼叫測試局\"}";

    @Test
    void aMissingForgedExpiredOrMisaddressedIdentityIs401() {
        TestIdentities.refused().forEach((name, request) -> {
            request.get("/api/v1/agencies").then().statusCode(401).contentType(startsWith("application/problem+json"));
            request.contentType(Api.JSON).body(AGENCY).post("/api/v1/agencies")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
        });
    }

    @Test
    void onlyAnAdministratorWrites() {
        TestIdentities.asViewer().get("/api/v1/agencies").then().statusCode(200);
        TestIdentities.asViewer().contentType(Api.JSON).body(AGENCY).post("/api/v1/agencies")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        TestIdentities.asAgency("a1").contentType(Api.JSON).body(Fixtures.text("004")).post("/api/v1/plans")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        TestIdentities.as("key:direct", "admin", null).contentType(Api.JSON).body(AGENCY).post("/api/v1/agencies")
                .then().statusCode(201).body("createdBy", equalTo("key:direct"));
    }
}
