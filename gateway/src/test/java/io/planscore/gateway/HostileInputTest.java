package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.planscore.gateway.ApiSecurityTest.ADMIN_KEY;
import static io.planscore.gateway.ApiSecurityTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Input written to break the gateway, one row each: the route (raw, already URL-encoded), the body, and the
 * 4xx naming the field at fault (none for a 404). Never a 500, never another route, never an internal name.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileInputTest {

    static Stream<Arguments> probes() {
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        return Stream.of(
                // the agency is looked up at plans-service under the same, still encoded, path segment
                Arguments.of("POST", "/api/v1/agencies/%27%20x/api-keys", "{}", 404, null),
                Arguments.of("POST", "/api/v1/agencies/..%2F..%2Fplans/api-keys", "{}", 404, null),
                Arguments.of("POST", "/api/v1/agencies/a1/api-keys", "{\"name\": \"a\\u0000b\"}", 422, "name"),
                Arguments.of("POST", "/api/v1/agencies/a1/api-keys", "{\"name\": \"" + "x".repeat(201) + "\"}", 422, "name"),
                Arguments.of("POST", "/api/v1/agencies/a1/api-keys", "{\"name\": " + deep + "}", 400, "name"),
                Arguments.of("POST", "/api/v1/agencies/a1/api-keys", "{\"role\": 1e2147483648}", 400, "role"),
                Arguments.of("GET", "/api/v1/agencies/a%00b/api-keys", null, 400, "agencyId"),
                Arguments.of("GET", "/api/v1/api-keys?agencyId=%00", null, 400, "agencyId"),
                Arguments.of("GET", "/api/v1/api-keys/audit?agencyId=%00", null, 400, "agencyId"),
                Arguments.of("GET", "/api/v1/plans?q=%00", null, 400, "q"),
                Arguments.of("GET", "/api/v1/api-keys?page=2147483647&size=500", null, 400, "page"),
                Arguments.of("GET", "/api/v1/api-keys/audit?page=2147483647&size=500", null, 400, "page"),
                Arguments.of("GET", "/api/v1/admin/dead-letters?page=2147483647&size=100", null, 400, "page"),
                // longer than the services read: refused here, as a problem, not by their HTTP layer with no body
                Arguments.of("GET", "/api/v1/plans?q=" + "%E5%AD%97".repeat(3_000), null, 414, null),
                Arguments.of("GET", "/api/v1/plans/" + "a".repeat(10_001), null, 414, null));
    }

    @ParameterizedTest(name = "{0} {1} → {3} naming {4}")
    @MethodSource("probes")
    void isAClientErrorNamingTheField(String method, String route, String body, int status, String field) {
        var request = as(ADMIN_KEY).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        ValidatableResponse response = request.request(method, route).then().statusCode(status)
                .contentType(startsWith("application/problem+json"));
        if (field != null) {
            // a 999-deep object is named by where it starts
            response.body("errors.field", hasItem(either(equalTo(field)).or(startsWith(field + "."))));
        }
        assertThat(response.extract().asString()).doesNotContain("Exception", "io.planscore", "java.");
    }

    /** The campaign counts agencies by this header; the gateway dropped it on the way through. */
    @Test
    void aPageOfAgenciesKeepsItsTotalCount() {
        as(ADMIN_KEY).get("/api/v1/agencies?size=1").then().statusCode(200).header("X-Total-Count", "42");
    }
}
