package io.planscore.scoring.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.regex.Matcher;
import java.util.stream.Stream;

import static io.planscore.infra.TestIdentities.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Input written to break scoring-service, one row each: the route (raw, already URL-encoded; {@code {plan}} is a
 * scored plan), the body, and the 4xx that names the field at fault. Never a 500, never an internal name.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HostileInputTest {

    private static final String INPUTS = "/api/v1/scores/plans/{plan}/admin-inputs";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ObjectMapper mapper;

    static String plan;

    @BeforeEach
    void plan() {
        if (plan == null) {
            plan = new ScoringEvents(kafka, mapper).planScored("003_chiayi-police_107.json", 2018);
        }
    }

    private static String input(String field, String json) {
        String body = "{\"indicatorId\": \"F1-G1-K1\", \"year\": 2017, \"kind\": \"baseline_value\", \"value\": 74, "
                + "\"note\": \"n\"}";
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9]+)", "\"" + field + "\": " + Matcher.quoteReplacement(json));
    }

    static Stream<Arguments> probes() {
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        return Stream.of(
                Arguments.of("POST", INPUTS, input("value", "1e2147483648"), 400, "value"),
                Arguments.of("POST", INPUTS, input("value", "1e-2147483649"), 400, "value"),
                Arguments.of("POST", INPUTS, input("value", "1e10000"), 422, "value"),
                Arguments.of("POST", INPUTS, input("value", "1e-10000"), 422, "value"),
                Arguments.of("POST", INPUTS, input("value", "-1e999999999"), 422, "value"),
                Arguments.of("POST", INPUTS, input("year", "1e2147483648"), 400, "year"),
                Arguments.of("POST", INPUTS, input("year", "1e10000"), 400, "year"),
                Arguments.of("POST", INPUTS, input("note", "\"a\\u0000b\""), 422, "note"),
                Arguments.of("POST", INPUTS, input("note", "\"" + "x".repeat(10_001) + "\""), 422, "note"),
                Arguments.of("POST", INPUTS, input("note", deep), 400, "note"),
                Arguments.of("POST", INPUTS, input("indicatorId", "\"F1\\u0000\""), 422, "indicatorId"),
                Arguments.of("POST", "/api/v1/scores/plans/a%00b/admin-inputs", input("note", "\"n\""), 400, "planId"),
                Arguments.of("GET", "/api/v1/scores/plans/a%00b/admin-inputs", null, 400, "planId"),
                Arguments.of("GET", "/api/v1/scores/plans/a%00b?year=2018", null, 400, "planId"),
                Arguments.of("GET", "/api/v1/scores/plans/{plan}/indicators/F1%00?year=2018", null, 400, "indicatorId"),
                Arguments.of("GET", "/api/v1/scores/plans/{plan}?year=2018&version=1&asOf=%00", null, 400, "asOf"),
                Arguments.of("GET", "/api/v1/scores/plans/{plan}?year=2018&asOf=%2B300000-01-01T00:00:00Z", null, 400, "asOf"),
                Arguments.of("GET", "/api/v1/scores/plans/{plan}?year=2018&asOf=-5000-01-01T00:00:00Z", null, 400, "asOf"),
                Arguments.of("GET", "/api/v1/scores/plans/{plan}/indicators/F1-G1-K1?year=2018&asOf=%2B300000-01-01T00:00:00Z",
                        null, 400, "asOf"),
                // a page past the end is empty, whatever its number
                Arguments.of("GET", "/api/v1/scores/plans/{plan}/indicators/F1-G1-K1?year=2018&page=2147483647&size=500",
                        null, 200, null),
                Arguments.of("GET", "/api/v1/scores/plans/{plan}/history?year=2018&page=2147483647&size=500", null, 200, null));
    }

    @ParameterizedTest(name = "{0} {1} → {3} naming {4}")
    @MethodSource("probes")
    void isAClientErrorNamingTheField(String method, String route, String body, int status, String field) {
        var request = asAdmin().urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        ValidatableResponse response = request.request(method, route.replace("{plan}", plan)).then().statusCode(status);
        if (field != null) {
            // a 999-deep object is named by where it starts
            response.contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem(either(equalTo(field)).or(startsWith(field + "."))));
            assertThat(response.extract().asString()).doesNotContain("Exception", "io.planscore", "java.");
        }
    }
}
