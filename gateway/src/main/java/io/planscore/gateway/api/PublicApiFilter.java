package io.planscore.gateway.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Completes the public document with what the gateway adds to every call. The operations it forwards are
 * described by their services ({@code META-INF/openapi.yaml}, generated from the services' annotations), which
 * know nothing of credentials: here each gets the gateway's credential requirement and the refusals the gateway
 * itself answers.
 */
public class PublicApiFilter implements OASFilter {

    /** The name Quarkus gives the scheme of {@code quarkus.smallrye-openapi.security-scheme} (the API key). */
    private static final String SECURITY_SCHEME = "SecurityScheme";

    private static final SortedMap<String, String> GATEWAY_REFUSALS = new TreeMap<>(Map.of(
            "401", "No credential, or one that is unknown, revoked, expired or wrongly signed (problem+json)",
            "403", "The credential's role or agency may not do this (problem+json)",
            "429", "Too many requests for this credential; `Retry-After` says when to try again (problem+json)",
            "503", "The service that owns the call is unavailable or busy; `Retry-After` says when to try again (problem+json)",
            "504", "The service that owns the call did not answer in time (problem+json)"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(this::complete));
    }

    private void complete(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME));
        }
        APIResponses responses = operation.getResponses();
        GATEWAY_REFUSALS.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
    }
}
