package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every list is paged, with a maximum page size; bad paging is a 400 naming the parameter, never a 500. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PagingTest {

    @Test
    void agenciesArePagedAsAnArrayWithTheTotalInAHeader() {
        for (int i = 0; i < 3; i++) {
            Api.post("/api/v1/agencies", "{\"name\": \"分頁測試局 " + UUID.randomUUID() + "\"}").statusCode(201);
        }
        var firstTwo = Api.get("/api/v1/agencies?page=0&size=2").statusCode(200);
        long total = Long.parseLong(firstTwo.extract().header("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(Api.json(firstTwo)).hasSize(2);
        JsonNode all = Api.json(Api.get("/api/v1/agencies").statusCode(200));
        assertThat(all).hasSize((int) Math.min(total, 500));
        JsonNode second = Api.json(Api.get("/api/v1/agencies?page=1&size=2").statusCode(200));
        assertThat(second.get(0)).isEqualTo(all.get(2));
        assertThat(Api.json(Api.get("/api/v1/agencies?page=2147483647&size=1").statusCode(200))).isEmpty();
    }

    @Test
    void versionsArePagedOldestFirst() {
        String id = Api.json(Api.post("/api/v1/plans", Fixtures.text("004")).statusCode(201)).get("id").asText();
        Api.put("/api/v1/plans/" + id, Fixtures.text("004")).statusCode(201);

        var secondPage = Api.get("/api/v1/plans/" + id + "/versions?page=1&size=1").statusCode(200);
        assertThat(secondPage.extract().header("X-Total-Count")).isEqualTo("2");
        assertThat(Api.json(secondPage)).extracting(v -> v.get("version").asInt()).containsExactly(2);
        assertThat(Api.json(Api.get("/api/v1/plans/" + id + "/versions").statusCode(200)))
                .extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
        rejected("/api/v1/plans/" + id + "/versions?size=501", "size");
    }

    @Test
    void outOfRangePagingIsA400NamingTheParameter() {
        for (String list : new String[]{"/api/v1/plans", "/api/v1/agencies"}) {
            rejected(list + "?page=-1", "page");
            rejected(list + "?page=2147483647&size=200", "page");
            rejected(list + "?page=99999999999", "page");
            rejected(list + "?page=first", "page");
            rejected(list + "?size=0", "size");
            rejected(list + "?size=-5", "size");
            rejected(list + "?size=many", "size");
        }
        rejected("/api/v1/plans?size=201", "size");
        rejected("/api/v1/agencies?size=501", "size");
        JsonNode page = Api.json(Api.get("/api/v1/plans?size=200").statusCode(200));
        assertThat(page.get("size").asInt()).isEqualTo(200);
        assertThat(Api.json(Api.get("/api/v1/plans").statusCode(200)).get("size").asInt()).isEqualTo(20);
    }

    private static void rejected(String path, String parameter) {
        JsonNode problem = Api.json(Api.get(path).statusCode(400).contentType("application/problem+json"));
        assertThat(problem.get("errors")).as(path).extracting(e -> e.get("field").asText()).containsExactly(parameter);
    }
}
