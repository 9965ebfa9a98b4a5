package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Input written to break the service is a 400 or 422 naming what is wrong, never a 500. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileInputTest {

    /** Seed 003 with {@code "HUGE"} in place of the first goal's name, to be replaced by a raw number. */
    private static String withNumber(String number) {
        ObjectNode doc = Fixtures.json("003");
        ((ObjectNode) doc.get("goals").get(0)).put("name", "HUGE");
        return Fixtures.write(doc).replace("\"HUGE\"", number);
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
