package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiSecurityTest {

    static final String ADMIN_KEY = "psk_test-admin";

    static RequestSpecification as(String key) {
        return given().header("X-API-Key", key);
    }

    @Test
    void everyApiCallNeedsACredential() {
        given().get("/api/v1/plans").then().statusCode(401);
        given().get("/api/v1/scores/plans/p1").then().statusCode(401);
        given().contentType("application/json").body("{}").post("/api/v1/measurements").then().statusCode(401);
        as("psk_forged").get("/api/v1/plans").then().statusCode(401);
    }

    @Test
    void theGatewayForwardsTheCallerAsAnIdentitySignedForTheService() {
        as(ADMIN_KEY).queryParam("year", 2018).get("/api/v1/plans")
                .then().statusCode(200)
                .body("path", equalTo("/api/v1/plans"))
                .body("query", equalTo("year=2018"))
                .body("role", equalTo("admin"))
                .body("principal", startsWith("key:"))
                .body("audience", equalTo("plans-service"));
    }

    @Test
    void theCallersBodyContentTypeAndAcceptAreForwardedAsSent() {
        as(ADMIN_KEY).contentType("text/csv").accept("application/json, text/plain").body("eventId,planId\n")
                .post("/api/v1/measurements/import")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/v1/measurements/import"))
                .body("contentType", startsWith("text/csv"))
                .body("accept", equalTo("application/json, text/plain"))
                .body("bodyLength", equalTo(15));
    }

    @Test
    void upstreamLocationsArePublicPaths() {
        as(ADMIN_KEY).contentType("application/json").body("{}").post("/api/v1/plans")
                .then().header("Location", equalTo("/api/v1/plans/p1"));
    }

    @Test
    void anAgencyKeyActsForItsAgencyOnlyAndStopsWorkingWhenRevoked() {
        String secret = as(ADMIN_KEY).contentType("application/json").body("{\"name\": \"uploader\"}")
                .post("/api/v1/agencies/a1/api-keys")
                .then().statusCode(201)
                .body("secret", startsWith("psk_"))
                .body("role", equalTo("agency"))
                .extract().path("secret");
        String keyId = as(ADMIN_KEY).get("/api/v1/agencies/a1/api-keys").then().statusCode(200)
                .body("[0].secret", equalTo(null))
                .extract().path("[0].id");

        as(secret).contentType("application/json").body("{}").post("/api/v1/measurements")
                .then().statusCode(200).body("role", equalTo("agency")).body("agency", equalTo("a1"));
        as(secret).contentType("application/json").body("{}").post("/api/v1/plans").then().statusCode(403);
        as(ADMIN_KEY).get("/api/v1/agencies/a1/api-keys").then().body("[0].lastUsedAt", notNullValue());

        as(ADMIN_KEY).delete("/api/v1/api-keys/{id}", keyId).then().statusCode(200).body("revokedAt", notNullValue());
        as(secret).get("/api/v1/plans").then().statusCode(401);
    }

    @Test
    void aViewerOnlyReads() {
        String viewer = as(ADMIN_KEY).contentType("application/json").body("{\"role\": \"viewer\"}")
                .post("/api/v1/agencies/a2/api-keys").then().statusCode(201).extract().path("secret");
        as(viewer).get("/api/v1/scores/plans/p1").then().statusCode(200);
        as(viewer).contentType("application/json").body("{}").post("/api/v1/measurements").then().statusCode(403);
        as(viewer).post("/api/v1/scores/rebuild").then().statusCode(403);
    }

    @Test
    void keysAreIssuedOnlyForExistingAgencies() {
        as(ADMIN_KEY).contentType("application/json").body("{}").post("/api/v1/agencies/unknown/api-keys")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
