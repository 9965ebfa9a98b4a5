package io.planscore.measurements;

import io.planscore.infra.RealInfraResource;
import io.planscore.measurements.support.FakePlansService;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.support.TestPlans;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.planscore.measurements.support.Api.admin;
import static io.planscore.measurements.support.Api.agency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakePlansService.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CsvImportTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    static String plan;
    static String agency;

    @BeforeEach
    void plans() {
        if (plan == null) {
            plan = TestPlans.newId();
            agency = TestPlans.newId();
            TestPlans.approve(companion, plan, agency, 1, TestPlans.CHIAYI_POLICE);
        }
    }

    static byte[] withBom(String csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static ValidatableResponse importCsv(RequestSpecification as, byte[] body) {
        return as.contentType("text/csv; charset=UTF-8").body(body).post("/api/v1/measurements/import").then();
    }

    @Test
    void aFileWithBomImportsAndImportingItAgainChangesNothing() {
        String explicitId = UUID.randomUUID().toString();
        String csv = "eventId,planId,indicatorId,component,period,value,unit,kind,supersedes,observedAt,note,evidenceUrl\r\n"
                + explicitId + "," + plan + ",F3-G1-K二,,2018,3,案,actual,,2018-12-31T00:00:00Z,,\r\n"
                + "," + plan + ",F4-G1-K一,A,2018-Q1,1250000.50,,,,,\"first quarter, provisional\",https://example.org/q1\r\n"
                + "\r\n"
                + "," + plan + ",F4-G1-K一,B,2018-Q1,2000000,,,,,\"note with \"\"quotes\"\"\nand a line break\",\r\n"
                + "," + plan + ",F3-G1-K二,,2018,-2,案,,,,,\r\n"
                + "," + plan + ",F1-G6-K二,,2018,1 000,,,,,,\r\n";
        var first = importCsv(admin(), withBom(csv)).statusCode(202)
                .body("accepted", equalTo(3)).body("rejected", equalTo(2))
                .body("results.row", contains(2, 3, 5, 7, 8))
                .body("results.status", contains("accepted", "accepted", "accepted", "rejected", "rejected"))
                .body("results[0].eventId", equalTo(explicitId))
                .body("results[3].errors[0].code", equalTo("OUT_OF_RANGE"))
                .body("results[4].errors[0].code", equalTo("INVALID_VALUE"))
                .extract().jsonPath();
        List<String> ids = first.getList("results.eventId", String.class);
        Measurement note = QuarkusTransaction.requiringNew().call(() -> Measurement.findById(UUID.fromString(ids.get(2))));
        assertThat(note.note).isEqualTo("note with \"quotes\"\nand a line break");
        assertThat(note.channel).isEqualTo("csv");
        assertThat(note.component).isEqualTo("B");
        Measurement quarter = QuarkusTransaction.requiringNew().call(() -> Measurement.findById(UUID.fromString(ids.get(1))));
        assertThat(quarter.note).isEqualTo("first quarter, provisional");
        assertThat(quarter.evidenceUrl).isEqualTo("https://example.org/q1");

        // the same file again (without BOM this time): derived eventIds are the same
        importCsv(admin(), csv.getBytes(StandardCharsets.UTF_8)).statusCode(202)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3)).body("rejected", equalTo(2))
                .body("results.eventId", contains(ids.toArray()));

        // a derived eventId is content-based: the same row posted as JSON is a duplicate too
        io.planscore.measurements.support.Api.post(admin(), "{\"eventId\":\"" + ids.get(1) + "\",\"planId\":\"" + plan
                + "\",\"indicatorId\":\"F4-G1-K一\",\"component\":\"A\",\"period\":\"2018-Q1\",\"value\":1250000.5,"
                + "\"note\":\"first quarter, provisional\",\"evidenceUrl\":\"https://example.org/q1\"}")
                .statusCode(202).body("results[0].status", equalTo("duplicate"));
    }

    @Test
    void headerColumnsMayComeInAnyOrderAndSubset() {
        String csv = "period,value,indicatorId,planId\n2018-02,3," + "F1-G6-K二," + plan + "\n";
        importCsv(admin(), csv.getBytes(StandardCharsets.UTF_8)).statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void aBadHeaderIsAProblem() {
        importCsv(admin(), "planId,indicatorId,vaule,period\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].code", equalTo("UNKNOWN_COLUMN"))
                .body("errors[0].message", containsString("vaule"));
        importCsv(admin(), new byte[0]).statusCode(400).contentType(startsWith("application/problem+json"));
        importCsv(admin(), new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A}).statusCode(400)
                .body("errors[0].code", equalTo("MALFORMED_CSV"));
    }

    @Test
    void anAgencyCannotImportForAnotherAgency() {
        String csv = "planId,indicatorId,period,value\n" + plan + ",F1-G6-K二,2018-09,1\n";
        importCsv(agency("someone-else"), csv.getBytes(StandardCharsets.UTF_8)).statusCode(403)
                .contentType(startsWith("application/problem+json"));
        importCsv(agency(agency), csv.getBytes(StandardCharsets.UTF_8)).statusCode(202).body("accepted", equalTo(1));
    }
}
