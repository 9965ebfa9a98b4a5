package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * All 23 seed fixtures: stored as is, read back with every field intact, counts as in INDEX.md, and
 * export → import giving the identical document. Then list and search over them.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureImportTest {

    /** fixture file → plan id, shared by the ordered tests. */
    static final Map<String, String> PLANS = new LinkedHashMap<>();

    @Test
    @Order(1)
    void everyFixtureIsStoredReadBackIntactCountedAndRoundTripped() {
        Map<String, int[]> index = Fixtures.index();
        assertThat(index).hasSize(23);
        assertThat(Fixtures.names()).hasSize(23);
        long started = System.nanoTime();
        for (String name : Fixtures.names()) {
            String prefix = name.substring(0, name.indexOf('_'));
            String text = Fixtures.text(prefix);
            JsonNode original = Fixtures.parse(text);

            var response = Api.post("/api/v1/plans", text).statusCode(201);
            JsonNode created = Api.json(response);
            String id = created.get("id").asText();
            assertThat(response.extract().header("Location")).isEqualTo("/api/v1/plans/" + id);
            PLANS.put(name, id);
            assertThat(created.get("warnings")).as(name).isEmpty();
            assertThat(created.get("status").asText()).isEqualTo("approved");

            JsonNode read = Api.json(Api.get("/api/v1/plans/" + id).statusCode(200));
            assertThat(read.get("document")).as(name + " read back").isEqualTo(original);
            int[] expected = index.get(name);
            JsonNode counts = read.get("counts");
            assertThat(new int[]{counts.get("goals").asInt(), counts.get("indicators").asInt(),
                    counts.get("commonIndicators").asInt(), counts.get("targetCells").asInt()})
                    .as(name + " counts vs INDEX.md").containsExactly(expected);

            byte[] exported = asAdmin().when().get("/api/v1/plans/" + id + "/export?format=json")
                    .then().statusCode(200).contentType("application/json").extract().asByteArray();
            assertThat(Fixtures.parse(exported)).as(name + " export").isEqualTo(original);

            JsonNode imported = Api.json(asAdmin().contentType("application/json").body(exported)
                    .when().post("/api/v1/plans/import").then().statusCode(201));
            assertThat(imported.get("imported").asInt()).isEqualTo(1);
            String copy = imported.get("plans").get(0).get("id").asText();
            assertThat(copy).isNotEqualTo(id);
            JsonNode copied = Api.json(Api.get("/api/v1/plans/" + copy).statusCode(200));
            assertThat(copied.get("document")).as(name + " re-imported").isEqualTo(original);
            assertThat(copied.get("agencyId")).isEqualTo(read.get("agencyId"));
            byte[] exportedAgain = asAdmin().when().get("/api/v1/plans/" + copy + "/export?format=json")
                    .then().statusCode(200).extract().asByteArray();
            assertThat(exportedAgain).as(name + " export of the re-import is byte-identical").isEqualTo(exported);
        }
        System.out.printf("23 fixtures stored, read back, exported and re-imported in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(2)
    void agenciesAreFoundOrCreatedUnderTheirGovernment() {
        JsonNode agencies = Api.json(Api.get("/api/v1/agencies").statusCode(200));
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        agencies.forEach(a -> byName.putIfAbsent(a.get("name").asText(), a));
        JsonNode keelung = byName.get("基隆市政府");
        assertThat(keelung).isNotNull();
        assertThat(keelung.get("parentId").isNull()).isTrue();
        JsonNode police = byName.get("基隆市警察局");
        assertThat(police.get("parentId").asText()).isEqualTo(keelung.get("id").asText());
        assertThat(police.get("nameEn").asText()).isEqualTo("Keelung City Police Department");
        Set<String> departments = new HashSet<>();
        for (String name : Fixtures.names()) {
            if (name.startsWith("001") || name.startsWith("002")) {
                departments.add(Fixtures.json(name.substring(0, name.indexOf('_'))).get("plan").get("agency").asText());
            }
        }
        assertThat(departments).hasSize(20); // 20 departments; 001 and 002-16 share 基隆市警察局
        for (String department : departments) {
            assertThat(byName.get(department).get("parentId").asText()).as(department).isEqualTo(keelung.get("id").asText());
        }
        String police001 = Api.json(Api.get("/api/v1/plans/" + PLANS.get(Fixtures.name("001")))).get("agencyId").asText();
        String police002 = Api.json(Api.get("/api/v1/plans/" + PLANS.get(Fixtures.name("002-16")))).get("agencyId").asText();
        assertThat(police001).isEqualTo(police002).isEqualTo(police.get("id").asText());
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    /** GET /api/v1/plans with query parameters given as name=value pairs (values not yet encoded). */
    private static JsonNode list(String query) {
        var request = asAdmin().queryParam("size", 200);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            request = request.queryParam(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return Api.json(request.when().get("/api/v1/plans").then().statusCode(200));
    }

    @Test
    @Order(3)
    void searchAndFilters() {
        String p001 = PLANS.get(Fixtures.name("001"));
        String p003 = PLANS.get(Fixtures.name("003"));
        String p004 = PLANS.get(Fixtures.name("004"));
        String p002police = PLANS.get(Fixtures.name("002-16"));
        String p002finance = PLANS.get(Fixtures.name("002-02"));

        // indicator names, zh-TW
        assertThat(ids(list("q=破獲率"))).contains(p001, p003).doesNotContain(p002finance);
        // indicator English names
        assertThat(ids(list("q=clearance rate"))).contains(p003).doesNotContain(p001);
        // measurement standards
        assertThat(ids(list("q=" + "以本市近 3 年刑案破獲率平均值為基準")))
                .contains(p003);
        // year (AD or ROC) within the plan period
        assertThat(ids(list("year=2019"))).contains(p001).doesNotContain(p002police, p003, p004);
        assertThat(ids(list("year=108"))).contains(p001).doesNotContain(p002police);
        assertThat(ids(list("year=2024"))).contains(p004).doesNotContain(p001);
        // kind
        assertThat(ids(list("kind=annual"))).contains(p003, p004).doesNotContain(p001);
        // agency: by name, and by id (its own plans and its children's)
        assertThat(ids(list("agency=" + "基隆市警察局")))
                .contains(p001, p002police).doesNotContain(p003);
        String keelung = StreamSupport.stream(Api.json(Api.get("/api/v1/agencies")).spliterator(), false)
                .filter(a -> a.get("name").asText().equals("基隆市政府")).findFirst().orElseThrow().get("id").asText();
        JsonNode city = list("agency=" + keelung);
        assertThat(ids(city)).contains(p001, p002police, p002finance).doesNotContain(p003, p004);
        Set<String> keelungPlans = new HashSet<>();
        PLANS.forEach((name, id) -> {
            if (name.startsWith("001") || name.startsWith("002")) {
                keelungPlans.add(id);
            }
        });
        assertThat(ids(city)).containsAll(keelungPlans);
        assertThat(city.get("total").asInt()).isGreaterThanOrEqualTo(2 * 21); // each fixture was imported twice (round trip)
        // fixture id (exact): the plan and its re-imported copy
        assertThat(list("fixtureId=003-chiayi-police-107").get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(ids(list("fixtureId=003-chiayi-police-107"))).contains(p003).doesNotContain(p004);
        // combined, and paging
        assertThat(ids(list("agency=" + keelung + "&year=2020&q=" + "警察")))
                .contains(p001, p002police).doesNotContain(p002finance);
        JsonNode page = Api.json(Api.get("/api/v1/plans?page=1&size=5").statusCode(200));
        assertThat(page.get("items")).hasSize(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(46);
        JsonNode first = page.get("items").get(0);
        assertThat(first.has("document")).isFalse();
        assertThat(first.get("counts").get("targetCells").asInt()).isPositive();
        // every listed plan carries the counts of its version
        List<JsonNode> all = StreamSupport.stream(list("agency=" + keelung).get("items").spliterator(), false)
                .filter(p -> keelungPlans.contains(p.get("id").asText())).toList();
        assertThat(all).hasSize(21).allSatisfy(p -> assertThat(p.get("counts").get("commonIndicators").asInt()).isEqualTo(3));
    }
}
