package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.TestIdentities;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static io.planscore.gateway.ApiSecurityTest.ADMIN_KEY;
import static io.planscore.gateway.ApiSecurityTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Ids are canonical, every key is listed with its role and agency, issues and revocations are audited. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiKeyAuditTest {

    private static String issue(String agency, String role) {
        return as(ADMIN_KEY).contentType("application/json").body("{\"role\": \"" + role + "\"}")
                .post("/api/v1/agencies/{agency}/api-keys", agency)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aKeyIssuedUnderAnUpperCaseAgencyIdActsForThatAgencyAndIsListedUnderIt() {
        String agency = UUID.randomUUID().toString();
        String upper = agency.toUpperCase(Locale.ROOT);
        String secret = as(ADMIN_KEY).contentType("application/json").body("{}")
                .post("/api/v1/agencies/{agency}/api-keys", upper)
                .then().statusCode(201).body("agencyId", equalTo(agency)).extract().path("secret");

        as(secret).contentType("application/json").body("{}").post("/api/v1/measurements")
                .then().statusCode(200).body("agency", equalTo(agency));
        as(ADMIN_KEY).get("/api/v1/agencies/{agency}/api-keys", agency).then().body("agencyId", contains(agency));
        as(ADMIN_KEY).get("/api/v1/agencies/{agency}/api-keys", upper).then().body("agencyId", contains(agency));
        as(ADMIN_KEY).queryParam("agencyId", upper).get("/api/v1/api-keys").then().body("total", equalTo(1));

        // every route sees plan and agency ids canonical, and forwards them so
        String plan = UUID.randomUUID().toString();
        as(secret).get("/api/v1/plans/{plan}/versions", plan.toUpperCase(Locale.ROOT))
                .then().statusCode(200).body("path", equalTo("/api/v1/plans/" + plan + "/versions"));
        as(secret).queryParam("planId", plan.toUpperCase(Locale.ROOT)).queryParam("indicatorId", "K-ABCDEF")
                .get("/api/v1/measurements")
                .then().statusCode(200).body("query", equalTo("planId=" + plan + "&indicatorId=K-ABCDEF"));
        String jwt = Jwt.issuer("planscore").upn("bob").groups("agency").claim("agency", upper)
                .sign(TestIdentities.publicJwtKey());
        given().header("Authorization", "Bearer " + jwt).contentType("application/json").body("{}")
                .post("/api/v1/measurements").then().statusCode(200).body("agency", equalTo(agency));
    }

    @Test
    void everyKeyIsListedWithItsRoleAndAgency() {
        String agency = UUID.randomUUID().toString();
        String viewer = issue(agency, "viewer");
        String uploader = issue(agency, "agency");

        as(ADMIN_KEY).get("/api/v1/agencies/{agency}/api-keys", agency).then().statusCode(200)
                .body("id", contains(viewer, uploader))
                .body("role", contains("viewer", "agency"))
                .body("agencyId", everyItem(equalTo(agency)))
                .body("secret", everyItem(nullValue()));
        as(ADMIN_KEY).queryParam("agencyId", agency).queryParam("role", "viewer").get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(100))
                .body("items[0].id", equalTo(viewer)).body("items[0].agencyId", equalTo(agency));
        as(ADMIN_KEY).queryParam("agencyId", agency).queryParam("size", 1).queryParam("page", 1).get("/api/v1/api-keys")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(uploader));
        as(ADMIN_KEY).queryParam("role", "admin").get("/api/v1/api-keys")
                .then().statusCode(200).body("items.role", everyItem(equalTo("admin"))).body("items.name", hasItem("bootstrap admin"));
        as(ADMIN_KEY).queryParam("size", 501).get("/api/v1/api-keys")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("size"));
    }

    @Test
    void issuesAndRevocationsAreAuditedWithWhoAndWhen() {
        String agency = UUID.randomUUID().toString();
        String key = issue(agency, "agency");
        as(ADMIN_KEY).delete("/api/v1/api-keys/{id}", key).then().statusCode(200);
        as(ADMIN_KEY).delete("/api/v1/api-keys/{id}", key).then().statusCode(200);

        as(ADMIN_KEY).queryParam("keyId", key).get("/api/v1/api-keys/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("revoked", "issued"))
                .body("items.actor", everyItem(startsWith("key:")))
                .body("items.keyId", everyItem(equalTo(key)))
                .body("items.role", everyItem(equalTo("agency")))
                .body("items.agencyId", everyItem(equalTo(agency)))
                .body("items.at", everyItem(startsWith("20")));
        as(ADMIN_KEY).queryParam("agencyId", agency.toUpperCase(Locale.ROOT)).get("/api/v1/api-keys/audit")
                .then().statusCode(200).body("total", equalTo(2));

        String jwt = Jwt.issuer("planscore").upn("ada").groups("admin").sign(TestIdentities.publicJwtKey());
        String viewer = given().header("Authorization", "Bearer " + jwt).contentType("application/json")
                .body("{\"role\": \"viewer\"}").post("/api/v1/agencies/{agency}/api-keys", agency)
                .then().statusCode(201).extract().path("id");
        as(ADMIN_KEY).queryParam("keyId", viewer).get("/api/v1/api-keys/audit").then()
                .body("items[0].actor", equalTo("jwt:ada")).body("items[0].role", equalTo("viewer"));
        as(ADMIN_KEY).queryParam("keyId", "not-a-key").get("/api/v1/api-keys/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("keyId"));
    }
}
