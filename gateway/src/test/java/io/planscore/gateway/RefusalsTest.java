package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.TestIdentities;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every refusal of the gateway is problem+json naming no internal class, and failed credentials are
 * limited per client address (each test is its own address, through X-Forwarded-For).
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RefusalsTest {

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static String newAddress() {
        UUID random = UUID.randomUUID();
        return "203.0." + (random.getMostSignificantBits() & 0x7f) + "." + (random.getLeastSignificantBits() & 0x7f);
    }

    /** type, title, status and detail, and nothing of the gateway's insides. */
    static ValidatableResponse problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", startsWith("https://planscore.io/problems/"))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue());
        assertThat(response.extract().asString()).doesNotContain("io.planscore", "Exception", "quarkus");
        return response;
    }

    @Test
    void everyRefusalIsAProblemNamingNoClass() {
        String address = newAddress();
        problem(from(address).get("/api/v1/plans").then(), 401)
                .header("WWW-Authenticate", notNullValue());
        problem(from(address).header("X-API-Key", "psk_forged").get("/api/v1/plans").then(), 401);
        String foreignJwt = Jwt.issuer("planscore").upn("mallory").groups("admin").sign(TestIdentities.foreignKey());
        problem(from(address).header("Authorization", "Bearer " + foreignJwt).get("/api/v1/plans").then(), 401);

        String viewer = ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).contentType("application/json")
                .body("{\"role\": \"viewer\"}").post("/api/v1/agencies/{agency}/api-keys", UUID.randomUUID())
                .then().statusCode(201).extract().path("secret");
        problem(from(address).header("X-API-Key", viewer).contentType("application/json").body("{}")
                .post("/api/v1/plans").then(), 403);
        problem(from(address).header("X-API-Key", viewer).get("/api/v1/api-keys").then(), 403);

        problem(from(address).header("X-API-Key", ApiSecurityTest.ADMIN_KEY).contentType("application/json")
                .body(new byte[2 * 1024 * 1024]).post("/api/v1/measurements").then(), 413);
        problem(from(address).header("X-API-Key", ApiSecurityTest.ADMIN_KEY).get("/api/v1/no-such-route").then(), 404);
        problem(from(address).header("X-API-Key", ApiSecurityTest.ADMIN_KEY).delete("/api/v1/plans").then(), 405);
        problem(from(address).header("X-API-Key", ApiSecurityTest.ADMIN_KEY).queryParam("role", "boss")
                .get("/api/v1/api-keys").then(), 400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void forgedKeysFromOneAddressEndIn429AndThenEvenAValidKeyWaits() {
        String guesser = newAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(from(guesser).header("X-API-Key", "psk_guess-" + i).get("/api/v1/plans").statusCode());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(401);
        assertThat(statuses.subList(20, 25)).containsOnly(429);

        problem(from(guesser).header("X-API-Key", "psk_guess-26").get("/api/v1/plans").then(), 429)
                .header("Retry-After", notNullValue());
        // the address is refused before any key is looked up: a valid key too, until Retry-After
        problem(from(guesser).header("X-API-Key", ApiSecurityTest.ADMIN_KEY).get("/api/v1/plans").then(), 429)
                .header("Retry-After", notNullValue());
        // without a credential nothing is looked up: the usual 401
        from(guesser).get("/api/v1/plans").then().statusCode(401);
        // another address is not concerned
        from(newAddress()).header("X-API-Key", ApiSecurityTest.ADMIN_KEY).get("/api/v1/plans").then().statusCode(200);
    }

    @Test
    void badJwtsCountAsFailedCredentialsToo() {
        String guesser = newAddress();
        String forged = Jwt.issuer("planscore").upn("mallory").groups("admin").sign(TestIdentities.foreignKey());
        for (int i = 0; i < 20; i++) {
            from(guesser).header("Authorization", "Bearer " + forged).get("/api/v1/plans").then().statusCode(401);
        }
        problem(from(guesser).header("Authorization", "Bearer " + forged).get("/api/v1/plans").then(), 429)
                .header("Retry-After", not(equalTo("0")));
        given().header("X-API-Key", ApiSecurityTest.ADMIN_KEY).get("/api/v1/api-keys")
                .then().statusCode(200).body("items.role", hasItem("admin"));
    }
}
