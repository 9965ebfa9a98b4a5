package io.planscore.gateway;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DashboardHeadersTest {

    @Test
    void theDashboardPageAllowsNoInlineScriptNoFramingAndIsRevalidated() {
        for (String path : new String[] {"/", "/index.html"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                            containsString("frame-ancestors 'none'"), not(containsString("unsafe-inline"))))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("Cache-Control", equalTo("no-cache"));
        }
    }

    @Test
    void apiAnswersAreNotSniffedEither() {
        given().get("/api/v1/plans").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
