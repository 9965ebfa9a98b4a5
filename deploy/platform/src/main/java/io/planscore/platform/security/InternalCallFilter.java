package io.planscore.platform.security;

import io.planscore.platform.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Internal services answer only the gateway: every {@code /api} call must carry the shared internal
 * token the gateway adds. (On Kubernetes a NetworkPolicy also keeps other pods out.) The gateway
 * itself, the public door, turns this off.
 */
public class InternalCallFilter {


    private final boolean required;
    private final byte[] token;

    public InternalCallFilter(@ConfigProperty(name = "planscore.internal-token.required", defaultValue = "true") boolean required,
                              @ConfigProperty(name = "planscore.internal-token") String token) {
        this.required = required;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireGateway(ContainerRequestContext request) {
        if (!required || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String presented = request.getHeaderString(GatewayHeaders.INTERNAL_TOKEN);
        if (presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "internal-only", "Internal service",
                        "This service answers only the planscore gateway.", List.of()))
                .build());
    }
}
