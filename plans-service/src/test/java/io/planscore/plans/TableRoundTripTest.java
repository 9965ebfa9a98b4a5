package io.planscore.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.planscore.infra.TestIdentities.asAdmin;
import static io.planscore.infra.TestIdentities.as;
import static org.assertj.core.api.Assertions.assertThat;

/** KPI tables of seed 001 and three seed 002 departments through CSV and XLSX, and hand-written tables. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TableRoundTripTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** 001; 民政處 (萬 amounts of 元), 消防局 ("-%" years without a target), 衛生局 (targets lost in the source). */
    static final List<String> PLANS = List.of("001", "002-01", "002-17", "002-18");

    @Inject
    EntityManager em;

    /** The KPI-table fields of a document: goals, indicators and their yearly targets, as comparable JSON. */
    static JsonNode kpiTable(JsonNode document) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode goals = f.arrayNode();
        for (JsonNode goal : document.get("goals")) {
            ObjectNode g = goals.addObject();
            for (String field : List.of("id", "seq", "kind", "name", "category")) {
                g.set(field, goal.get(field));
            }
            ArrayNode indicators = g.putArray("indicators");
            for (JsonNode indicator : goal.get("indicators")) {
                ObjectNode i = indicators.addObject();
                for (String field : List.of("id", "no", "kind", "name", "evaluation_code", "evaluation_method", "measurement_standard")) {
                    i.set(field, indicator.get(field));
                }
                i.set("polarity", indicator.get("polarity").get("value"));
                ArrayNode targets = i.putArray("targets");
                for (JsonNode target : indicator.get("targets")) {
                    ObjectNode t = targets.addObject();
                    for (String field : List.of("year_roc", "year_ad", "raw", "form", "comparator", "unit")) {
                        t.set(field, target.get(field));
                    }
                    for (String field : List.of("number", "scale", "value")) {
                        JsonNode n = target.get(field);
                        t.put(field, n == null || n.isNull() ? null : n.decimalValue().stripTrailingZeros().toPlainString());
                    }
                }
            }
        }
        ObjectNode table = f.objectNode();
        JsonNode plan = document.get("plan");
        for (String field : List.of("title", "agency", "agency_en", "government", "kind", "period", "mission", "vision", "parent_plan")) {
            table.set(field, plan.get(field));
        }
        table.set("goals", goals);
        return table;
    }

    private static String create(String fixture) {
        return Api.json(Api.post("/api/v1/plans", Fixtures.text(fixture)).statusCode(201)).get("id").asText();
    }

    private static byte[] export(String id, String format, String mediaType) {
        var response = asAdmin().when().get("/api/v1/plans/" + id + "/export?format=" + format).then().statusCode(200)
                .contentType(mediaType);
        assertThat(response.extract().header("Content-Disposition")).startsWith("attachment; filename=").contains("-v1." + format);
        return response.extract().asByteArray();
    }

    private static JsonNode importTable(byte[] body, String mediaType, String query) {
        return Api.json(as(Api.ADMIN, "admin", null).contentType(mediaType).body(body)
                .when().post("/api/v1/plans/import" + query).then().statusCode(201));
    }

    private static JsonNode document(String id) {
        return Api.json(Api.get("/api/v1/plans/" + id).statusCode(200)).get("document");
    }

    @Test
    void csvRoundTripKeepsTheKpiTables() {
        for (String fixture : PLANS) {
            JsonNode original = Fixtures.json(fixture);
            byte[] csv = export(create(fixture), "csv", "text/csv");
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF計畫名稱,").contains("序號,關鍵策略目標,類別,編號,關鍵績效指標,評估體制,評估方式,衡量標準");
            JsonNode imported = importTable(csv, "text/csv", "");
            String copy = imported.get("plans").get(0).get("id").asText();
            JsonNode document = document(copy);
            assertThat(kpiTable(document)).as(fixture + " via CSV").isEqualTo(kpiTable(original));
            assertThat(imported.get("plans").get(0).get("counts")).isEqualTo(Api.json(Api.get("/api/v1/plans/" + copy)).get("counts"));
            // and the table of the copy is the same file
            assertThat(new String(export(copy, "csv", "text/csv"), StandardCharsets.UTF_8)).as(fixture + " CSV again").isEqualTo(text);
        }
    }

    @Test
    void xlsxRoundTripKeepsTheKpiTables() throws Exception {
        for (String fixture : PLANS) {
            JsonNode original = Fixtures.json(fixture);
            byte[] xlsx = export(create(fixture), "xlsx", XLSX);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(workbook.getSheet("KPI")).isNotNull();
            }
            JsonNode imported = importTable(xlsx, XLSX, "?draft=true");
            assertThat(imported.get("plans").get(0).get("status").asText()).isEqualTo("draft");
            JsonNode document = document(imported.get("plans").get(0).get("id").asText());
            assertThat(kpiTable(document)).as(fixture + " via XLSX").isEqualTo(kpiTable(original));
        }
    }

    @Test
    void handWrittenCsvInTheSeedLayout() {
        String csv = """
                計畫名稱,基隆市測試處中程施政計畫（109 至 112 年度）
                機關,基隆市政府測試處

                序號,關鍵策略目標,編號,關鍵績效指標,評估體制,評估方式,衡量標準,109年度,110年度,111年度,112年度
                1,推動觀光（業務成果）,1,觀光人次,1,統計數據,每年觀光人次,8 萬人次,8.5 萬人次,9萬人次,≥9.5萬人次
                ,,2,遊客滿意度,1,統計數據,滿意度調查,85%,85%,-%,
                2,提升行政效率（行政效率）,1,公文結案天數,2,進度控管,平均結案日數,2天,2天,2天,2天
                """;
        JsonNode imported = importTable(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8",
                "?government=" + "基隆市政府");
        JsonNode plan = imported.get("plans").get(0);
        assertThat(plan.get("title").asText()).isEqualTo("基隆市測試處中程施政計畫（109 至 112 年度）");
        assertThat(plan.get("agencyName").asText()).isEqualTo("基隆市政府測試處");
        assertThat(plan.get("kind").asText()).isEqualTo("mid_term");
        assertThat(plan.get("counts").get("goals").asInt()).isEqualTo(2);
        assertThat(plan.get("counts").get("indicators").asInt()).isEqualTo(3);
        assertThat(plan.get("counts").get("targetCells").asInt()).isEqualTo(12);
        JsonNode doc = document(plan.get("id").asText());
        assertThat(doc.get("plan").get("period").get("ad_start").asInt()).isEqualTo(2020);
        JsonNode g1 = doc.get("goals").get(0);
        assertThat(g1.get("id").asText()).isEqualTo("G1");
        assertThat(g1.get("name").asText()).isEqualTo("推動觀光");
        assertThat(g1.get("category").asText()).isEqualTo("業務成果");
        JsonNode visitors = g1.get("indicators").get(0);
        assertThat(visitors.get("id").asText()).isEqualTo("G1-K1");
        assertThat(visitors.get("targets").get(1).get("value").decimalValue()).isEqualByComparingTo(new BigDecimal("85000"));
        assertThat(visitors.get("targets").get(1).get("scale").asInt()).isEqualTo(10000);
        assertThat(visitors.get("targets").get(3).get("comparator").asText()).isEqualTo(">=");
        JsonNode satisfaction = g1.get("indicators").get(1);
        assertThat(satisfaction.get("targets")).extracting(t -> t.get("form").asText())
                .containsExactly("percent", "percent", "none", "missing");
        JsonNode days = doc.get("goals").get(1).get("indicators").get(0);
        assertThat(days.get("evaluation_code").asInt()).isEqualTo(2);
        assertThat(days.get("targets").get(0).get("form").asText()).isEqualTo("duration");
        // the government was found (created by an earlier import or here) and is the agency's parent
        JsonNode agency = Api.json(Api.get("/api/v1/agencies/" + plan.get("agencyId").asText()));
        assertThat(Api.json(Api.get("/api/v1/agencies/" + agency.get("parentId").asText())).get("name").asText()).isEqualTo("基隆市政府");
    }

    @Test
    void handWrittenXlsxWithEnglishHeadersAndNumericCells() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Plan");
            Object[][] rows = {
                    {"Title", "Annual plan 2024"},
                    {"Agency", "Test Bureau"},
                    {},
                    {"goal_seq", "Goal", "indicator_no", "Indicator", "evaluation_code", "Measurement standard", "unit", "2024"},
                    {"1", "Safer streets", "1", "Burglaries solved", 1.0, "solved ÷ reported", "%", 85.0},
                    {"", "", "2", "Patrol hours", 1.0, "hours", "小時", 1200.0},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode plan = importTable(xlsx, XLSX, "?kind=annual").get("plans").get(0);
        JsonNode doc = document(plan.get("id").asText());
        assertThat(doc.get("plan").get("kind").asText()).isEqualTo("annual");
        assertThat(doc.get("plan").get("period").get("roc_start").asInt()).isEqualTo(113);
        JsonNode patrol = doc.get("goals").get(0).get("indicators").get(1);
        assertThat(patrol.get("targets").get(0).get("raw").asText()).isEqualTo("1200");
        assertThat(patrol.get("targets").get(0).get("unit").asText()).isEqualTo("小時");
        assertThat(patrol.get("targets").get(0).get("value").asInt()).isEqualTo(1200);
    }

    @Test
    void badTablesAre422WithTheirCellsAndStoreNothing() {
        Map<String, Long> before = Rows.count(em);
        String csv = """
                序號,關鍵策略目標,編號,關鍵績效指標,評估體制,評估方式,衡量標準,109,110
                1,推動觀光,1,觀光人次,甲,統計數據,每年觀光人次,8 萬人次,9萬人次
                """;
        JsonNode problem = Api.json(asAdmin().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import").then().statusCode(422).contentType("application/problem+json"));
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + " " + e.get("code").asText())
                .containsExactly("metadata.title REQUIRED", "metadata.agency REQUIRED", "table[2].evaluation_code INVALID_CODE");
        problem = Api.json(asAdmin().contentType("text/csv").body("a,b\nc,d\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import?title=x&agency=y").then().statusCode(422));
        assertThat(problem.get("errors").get(0).get("code").asText()).isEqualTo("NO_TABLE");
        asAdmin().contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import").then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType("application/pdf").body(new byte[]{1})
                .when().post("/api/v1/plans/import").then().statusCode(415);
        assertThat(Rows.count(em)).isEqualTo(before);
    }
}
