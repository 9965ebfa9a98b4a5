package io.planscore.plans;

import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/** {@code draft=yes} is not "not a draft": a boolean parameter is true or false, or the request is refused. */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StrictFlagsTest {

    @Test
    void aDraftFlagThatIsNeitherTrueNorFalseIs400AndApprovesNothing() {
        for (String path : new String[] {"/api/v1/plans?draft=yes", "/api/v1/plans/import?draft=1"}) {
            Api.post(path, Fixtures.text("004")).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("draft"));
        }
        Api.post("/api/v1/plans?draft=true", Fixtures.text("004")).statusCode(201).body("status", equalTo("draft"));
    }
}
