package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import java.util.UUID;

import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Input written to break the service is a 400 or 422 naming what is wrong, never a 500: one row each of the
 * route (raw, already URL-encoded), the body and the answer, beside the cases that need more than one request.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileInputTest {

    /** Seed 003 with {@code "HUGE"} in place of the first goal's name, to be replaced by a raw number. */
    private static String withNumber(String number) {
        ObjectNode doc = Fixtures.json("003");
        ((ObjectNode) doc.get("goals").get(0)).put("name", "HUGE");
        return Fixtures.write(doc).replace("\"HUGE\"", number);
    }

    /** Seed 003 with {@code json} written raw in place of the first indicator's {@code member}. */
    private static String withIndicator(String member, String json) {
        ObjectNode doc = Fixtures.json("003");
        ObjectNode indicator = (ObjectNode) doc.get("goals").get(0).get("indicators").get(0);
        if (member.equals("targets[0].value")) {
            ((ObjectNode) indicator.get("targets").get(0)).put("value", "RAW");
        } else {
            indicator.put(member, "RAW");
        }
        return Fixtures.write(doc).replace("\"RAW\"", json);
    }

    static Stream<Arguments> probes() {
        String indicator = "goals[0].indicators[0].";
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        String approve = "/api/v1/plans/" + UUID.randomUUID() + "/versions/1/approve";
        return Stream.of(
                Arguments.of("POST", "/api/v1/plans", withIndicator("weight_pct", "1e10000"), 422, indicator + "weight_pct"),
                Arguments.of("POST", "/api/v1/plans", withIndicator("weight_pct", "1e-10000"), 422, indicator + "weight_pct"),
                Arguments.of("POST", "/api/v1/plans", withIndicator("weight_pct", "1e2147483648"), 400, indicator + "weight_pct"),
                Arguments.of("POST", "/api/v1/plans", withIndicator("targets[0].value", "1e10000"), 422, indicator + "targets[0].value"),
                Arguments.of("POST", "/api/v1/plans", withIndicator("targets[0].value", "1e2147483648"), 400,
                        indicator + "targets[0].value"),
                Arguments.of("POST", "/api/v1/plans", withIndicator("note", deep), 400, indicator + "note"),
                Arguments.of("PUT", "/api/v1/plans/" + UUID.randomUUID(), withIndicator("weight_pct", "1e2147483648"), 400,
                        indicator + "weight_pct"),
                Arguments.of("POST", approve, "{\"justification\": 1e2147483648}", 400, "justification"),
                Arguments.of("POST", approve, "{\"justification\": " + deep + "}", 400, "justification"),
                Arguments.of("POST", "/api/v1/agencies", "{\"name\": " + deep + "}", 400, "name"),
                Arguments.of("GET", "/api/v1/plans?q=%00", null, 400, "q"),
                Arguments.of("GET", "/api/v1/plans/%00", null, 400, "planId"),
                Arguments.of("GET", "/api/v1/agencies/a%00b", null, 400, "agencyId"),
                Arguments.of("GET", "/api/v1/plans?page=2147483647&size=200", null, 400, "page"),
                Arguments.of("GET", "/api/v1/agencies?page=2147483647&size=500", null, 400, "page"),
                Arguments.of("GET", "/api/v1/plans/" + UUID.randomUUID() + "/versions?page=2147483647&size=500", null, 400, "page"));
    }

    @ParameterizedTest(name = "{0} {1} → {3} naming {4}")
    @MethodSource("probes")
    void isAClientErrorNamingTheField(String method, String route, String body, int status, String field) {
        var request = as(Api.ADMIN, "admin", null).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType(Api.JSON).body(body.getBytes(StandardCharsets.UTF_8));
        }
        ValidatableResponse response = request.request(method, route).then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                // a 999-deep object is named by where it starts
                .body("errors.field", hasItem(either(equalTo(field)).or(startsWith(field + "."))));
        assertThat(response.extract().asString()).doesNotContain("Exception", "io.planscore", "java.");
    }

    private static JsonNode problem(int status, io.restassured.response.ValidatableResponse response) {
        return Api.json(response.statusCode(status).contentType("application/problem+json"));
    }

    @Test
    void numbersThatCannotBeWrittenOutAreRefusedNamingTheField() {
        for (String number : new String[]{"1e10000", "1e999999999", "-1e-10000"}) {
            JsonNode problem = problem(422, Api.post("/api/v1/plans", withNumber(number)));
            assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("goals[0].name");
        }
        for (String number : new String[]{"1e2147483648", "1e-2147483649", "1" + "0".repeat(5000)}) {
            problem(400, Api.post("/api/v1/plans", withNumber(number)));
        }
        problem(400, Api.post("/api/v1/plans/" + UUID.randomUUID() + "/versions/1/approve",
                "{\"justification\": 1e2147483648}"));
    }

    @Test
    void nulCharactersAreRefusedInTextKeysAndFilters() {
        ObjectNode doc = Fixtures.json("003");
        ((ObjectNode) doc.get("goals").get(0)).put("name", "a\u0000b");
        JsonNode problem = problem(422, Api.post("/api/v1/plans", Fixtures.write(doc)));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
                .containsExactly("goals[0].name NUL_CHARACTER");

        ObjectNode withKey = Fixtures.json("003");
        ((ObjectNode) withKey.get("plan")).put("x\u0000y", "z");
        problem = problem(422, Api.post("/api/v1/plans", Fixtures.write(withKey)));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("a key of plan");

        problem = problem(422, Api.post("/api/v1/agencies", "{\"name\": \"a\\u0000b\"}"));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("name");
        problem(422, Api.post("/api/v1/agencies", "{\"name\": \"" + "x".repeat(501) + "\"}"));

        problem = problem(400, Api.get("/api/v1/plans?q=\u0000"));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("q");
        problem(400, Api.get("/api/v1/plans?agency=\u0000"));

        problem = problem(422, Api.post("/api/v1/plans/" + UUID.randomUUID() + "/versions/1/approve",
                "{\"justification\": \"a\\u0000b\"}"));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("justification");
    }

    @Test
    void deeplyNestedDocumentsAreBadRequests() {
        problem(400, Api.post("/api/v1/plans", "{\"a\":".repeat(999) + "1" + "}".repeat(999)));
    }
}
