package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.planscore.infra.TestIdentities;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of credential, asserting the exact status: 401 for no, forged, expired
 * and revoked credentials; 403 for a role that may not; the upstream's answer when allowed. Whether an
 * agency may act on a plan (own vs foreign agency) is decided by the service that owns the plan, with
 * the agency the gateway forwards — see the end-to-end tests. Every refusal's body is checked in
 * {@link RefusalsTest}.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuthorizationMatrixTest {

    private static final Set<String> ALL = Set.of("admin", "agency", "viewer");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> WRITERS = Set.of("admin", "agency");

    record Endpoint(String method, String path, Set<String> roles, int allowedStatus) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/agencies", ALL, 200),
            new Endpoint("POST", "/api/v1/agencies", ADMIN, 200),
            new Endpoint("GET", "/api/v1/agencies/a1", ALL, 200),
            new Endpoint("GET", "/api/v1/plans", ALL, 200),
            new Endpoint("POST", "/api/v1/plans", ADMIN, 200),
            new Endpoint("POST", "/api/v1/plans/import", ADMIN, 200),
            new Endpoint("GET", "/api/v1/plans/p1", ALL, 200),
            new Endpoint("PUT", "/api/v1/plans/p1", ADMIN, 200),
            new Endpoint("GET", "/api/v1/plans/p1/versions", ALL, 200),
            new Endpoint("GET", "/api/v1/plans/p1/versions/1/diff/2", ALL, 200),
            new Endpoint("POST", "/api/v1/plans/p1/versions/2/approve", ADMIN, 200),
            new Endpoint("GET", "/api/v1/plans/p1/export", ALL, 200),
            new Endpoint("POST", "/api/v1/measurements", WRITERS, 200),
            new Endpoint("POST", "/api/v1/measurements/import", WRITERS, 200),
            new Endpoint("GET", "/api/v1/measurements", ALL, 200),
            new Endpoint("GET", "/api/v1/measurements/rejected", ALL, 200),
            new Endpoint("GET", "/api/v1/scores/plans/p1", ALL, 200),
            new Endpoint("GET", "/api/v1/scores/plans/p1/history", ALL, 200),
            new Endpoint("GET", "/api/v1/scores/plans/p1/indicators/K1", ALL, 200),
            new Endpoint("POST", "/api/v1/scores/plans/p1/admin-inputs", ADMIN, 200),
            new Endpoint("GET", "/api/v1/scores/plans/p1/admin-inputs", ALL, 200),
            new Endpoint("POST", "/api/v1/scores/rebuild", ADMIN, 200),
            new Endpoint("GET", "/api/v1/scores/rebuild/j1", ADMIN, 200),
            new Endpoint("POST", "/api/v1/agencies/a1/api-keys", ADMIN, 201),
            new Endpoint("GET", "/api/v1/agencies/a1/api-keys", ADMIN, 200),
            new Endpoint("GET", "/api/v1/api-keys", ADMIN, 200),
            new Endpoint("GET", "/api/v1/api-keys/audit", ADMIN, 200),
            new Endpoint("DELETE", "/api/v1/api-keys/00000000-0000-0000-0000-000000000000", ADMIN, 404),
            new Endpoint("GET", "/api/v1/admin/dead-letters", ADMIN, 200),
            new Endpoint("GET", "/api/v1/admin/dead-letters?topic=scoring.score-updated.v1.dlq.gateway", ADMIN, 200),
            new Endpoint("GET", "/api/v1/admin/dead-letters?topic=measurements.recorded.v1.dlq.scoring-service", ADMIN, 200),
            new Endpoint("POST", "/api/v1/admin/dead-letters/measurements.recorded.v1.dlq.scoring-service/redrive", ADMIN, 200),
            new Endpoint("POST", "/api/v1/admin/dead-letters/measurements.submitted.v1.dlq.measurements-service/redrive",
                    ADMIN, 200),
            new Endpoint("POST", "/api/v1/admin/dead-letters/scoring.score-updated.v1.dlq.gateway/redrive", ADMIN, 200),
            new Endpoint("POST", "/api/v1/admin/dead-letters/no.such.topic/redrive", ADMIN, 404));


    /** A kind of credential: {@code role} null means it must be refused. Headers are made at test time. */
    record Credential(String name, String role) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Credential> CREDENTIALS = List.of(
            new Credential("no credential", null),
            new Credential("forged API key", null),
            new Credential("revoked API key", null),
            new Credential("expired JWT", null),
            new Credential("JWT signed with another key", null),
            new Credential("JWT of another issuer", null),
            new Credential("admin API key", "admin"),
            new Credential("agency API key", "agency"),
            new Credential("viewer API key", "viewer"),
            new Credential("admin JWT", "admin"),
            new Credential("agency JWT", "agency"),
            new Credential("viewer JWT", "viewer"));

    private static final PrivateKey PUBLIC_JWT_KEY = TestIdentities.publicJwtKey();
    private static Map<String, Map<String, String>> headers;

    /** Issued once, inside the first test, when the application and REST Assured are ready. */
    private static synchronized Map<String, String> headersOf(Credential credential) throws Exception {
        if (headers == null) {
            String revokedKey = issueKey("a1", "agency");
            List<String> ids = ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).get("/api/v1/agencies/a1/api-keys")
                    .then().extract().jsonPath().getList("id");
            // the list is ordered by creation: the newest key is the one just issued
            ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).delete("/api/v1/api-keys/{id}", ids.get(ids.size() - 1))
                    .then().statusCode(200);
            headers = new HashMap<>();
            headers.put("no credential", Map.of());
            headers.put("forged API key", Map.of("X-API-Key", "psk_forged"));
            headers.put("revoked API key", Map.of("X-API-Key", revokedKey));
            headers.put("expired JWT", bearer(Jwt.issuer("planscore").upn("late").groups("admin")
                    .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign(PUBLIC_JWT_KEY)));
            headers.put("JWT signed with another key", bearer(Jwt.issuer("planscore").upn("mallory").groups("admin")
                    .sign(TestIdentities.foreignKey())));
            headers.put("JWT of another issuer", bearer(Jwt.issuer("elsewhere").upn("eve").groups("admin").sign(PUBLIC_JWT_KEY)));
            headers.put("admin API key", Map.of("X-API-Key", ApiSecurityTest.ADMIN_KEY));
            headers.put("agency API key", Map.of("X-API-Key", issueKey("a1", "agency")));
            headers.put("viewer API key", Map.of("X-API-Key", issueKey("a1", "viewer")));
            headers.put("admin JWT", bearer(Jwt.issuer("planscore").upn("ada").groups("admin").sign(PUBLIC_JWT_KEY)));
            headers.put("agency JWT", bearer(Jwt.issuer("planscore").upn("bob").groups("agency").claim("agency", "a1").sign(PUBLIC_JWT_KEY)));
            headers.put("viewer JWT", bearer(Jwt.issuer("planscore").upn("vic").groups("viewer").sign(PUBLIC_JWT_KEY)));
        }
        return headers.get(credential.name());
    }

    static Stream<Arguments> matrix() {
        return ENDPOINTS.stream().flatMap(endpoint -> CREDENTIALS.stream().map(credential -> Arguments.of(endpoint, credential)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void exactStatus(Endpoint endpoint, Credential credential) throws Exception {
        int expected = credential.role() == null ? 401
                : endpoint.roles().contains(credential.role()) ? endpoint.allowedStatus() : 403;
        String contentType = endpoint.path().equals("/api/v1/measurements/import") ? "text/csv" : "application/json";
        // each cell from an address of its own: the matrix's failed credentials are not a guesser's
        String address = "198.18." + ENDPOINTS.indexOf(endpoint) + "." + CREDENTIALS.indexOf(credential);
        RequestSpecification request = given().headers(headersOf(credential)).header("X-Forwarded-For", address)
                .contentType(contentType).body("{}");
        request.request(endpoint.method(), endpoint.path()).then().statusCode(expected);
    }

    /** The live stream stays open when allowed, so {@link ScoreStreamTest} checks its credentials instead. */
    private static final Set<String> NOT_IN_THE_MATRIX = Set.of("GET /api/v1/scores/stream");

    @Test
    void coversEveryOperationOfThePublicDocument() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> uncovered = new ArrayList<>();
        paths.forEach((template, operations) -> {
            Pattern path = Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+"));
            operations.keySet().forEach(method -> {
                String operation = method.toUpperCase() + " " + template;
                boolean covered = ENDPOINTS.stream().anyMatch(endpoint -> endpoint.method().equalsIgnoreCase(method)
                        && path.matcher(endpoint.path().replaceFirst("\\?.*", "")).matches());
                if (!covered && !NOT_IN_THE_MATRIX.contains(operation)) {
                    uncovered.add(operation);
                }
            });
        });
        assertThat(paths).isNotEmpty();
        assertThat(uncovered).as("operations of the public document missing from the matrix").isEmpty();
    }

    private static String issueKey(String agency, String role) {
        return ApiSecurityTest.as(ApiSecurityTest.ADMIN_KEY).contentType("application/json")
                .body("{\"role\": \"" + role + "\"}")
                .post("/api/v1/agencies/{agency}/api-keys", agency)
                .then().statusCode(201).extract().path("secret");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
