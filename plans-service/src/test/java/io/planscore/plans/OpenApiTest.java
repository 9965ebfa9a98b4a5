package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the plans API is documented: a summary, and examples for its answers. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpenApiTest {

    @Test
    void everyOperationHasASummaryAndExampleAnswers() {
        JsonNode openapi = Fixtures.parse(asAdmin().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asByteArray());
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) openapi.get("paths")::fields) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                assertThat(op.getValue().path("summary").asText()).as(name).isNotBlank();
                JsonNode responses = op.getValue().get("responses");
                assertThat(responses).as(name).isNotNull();
                for (Map.Entry<String, JsonNode> response : (Iterable<Map.Entry<String, JsonNode>>) responses::fields) {
                    assertThat(response.getValue().path("description").asText()).as(name + " " + response.getKey()).isNotBlank();
                    for (Map.Entry<String, JsonNode> content : (Iterable<Map.Entry<String, JsonNode>>) response.getValue().path("content")::fields) {
                        if (!content.getKey().contains("spreadsheetml")) {
                            assertThat(content.getValue().has("examples")).as(name + " " + response.getKey() + " " + content.getKey()).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(operations).contains("POST /api/v1/plans", "GET /api/v1/plans/{planId}", "PUT /api/v1/plans/{planId}",
                "POST /api/v1/plans/import", "GET /api/v1/plans/{planId}/export",
                "POST /api/v1/plans/{planId}/versions/{version}/approve", "GET /api/v1/plans/{planId}/versions/{from}/diff/{to}",
                "GET /api/v1/plans/{planId}/versions", "GET /api/v1/plans", "POST /api/v1/agencies", "GET /api/v1/agencies",
                "GET /api/v1/agencies/{agencyId}");
    }
}
