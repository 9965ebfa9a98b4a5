package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AgencyApiTest {

    @Test
    void createListReadAndPlanUnderAnExplicitAgency() {
        var created = Api.post("/api/v1/agencies", "{\"name\": \"臺中市政府\", \"nameEn\": \"Taichung City Government\"}").statusCode(201);
        JsonNode city = Api.json(created);
        assertThat(created.extract().header("Location")).isEqualTo("/api/v1/agencies/" + city.get("id").asText());
        assertThat(city.get("createdBy").asText()).isEqualTo(Api.ADMIN);
        JsonNode police = Api.json(Api.post("/api/v1/agencies",
                "{\"name\": \"臺中市政府警察局測試分局\", \"parentId\": \"" + city.get("id").asText() + "\"}").statusCode(201));
        assertThat(police.get("parentId").asText()).isEqualTo(city.get("id").asText());

        assertThat(Api.json(Api.get("/api/v1/agencies/" + police.get("id").asText()).statusCode(200))).isEqualTo(police);
        assertThat(Api.json(Api.get("/api/v1/agencies").statusCode(200))).contains(city, police);

        JsonNode plan = Api.json(Api.post("/api/v1/plans?agencyId=" + police.get("id").asText(), Fixtures.text("004")).statusCode(201));
        assertThat(plan.get("agencyId").asText()).isEqualTo(police.get("id").asText());
        assertThat(plan.get("agencyName").asText()).isEqualTo("臺中市政府警察局測試分局");
    }

    @Test
    void problems() {
        JsonNode problem = Api.json(Api.post("/api/v1/agencies", "{\"nameEn\": \"x\", \"parentId\": \"" + UUID.randomUUID() + "\"}")
                .statusCode(422).contentType("application/problem+json"));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("name", "parentId");
        Api.get("/api/v1/agencies/" + UUID.randomUUID()).statusCode(404).contentType("application/problem+json");
        Api.post("/api/v1/agencies", "{\"name\": ").statusCode(400).contentType("application/problem+json");
    }
}
