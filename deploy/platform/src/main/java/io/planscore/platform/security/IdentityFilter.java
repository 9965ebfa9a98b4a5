package io.planscore.platform.security;

import io.planscore.platform.problem.Problem;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonString;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code /api} call to an internal service must carry a {@link ServiceIdentity} signed with the
 * platform's service key and addressed to this service; a missing, forged, expired or misaddressed one is
 * 401. The same role rule as the gateway holds here, so calling a service directly gains nothing: only the
 * roles in {@code planscore.identity.writers} may change anything (a viewer never). Finer rules (an agency
 * only for its own plans) are the service's, on {@link CurrentCaller}. The gateway, the public door,
 * authenticates its callers itself and turns this off.
 */
public class IdentityFilter {

    private static final Set<String> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String BEARER = "Bearer ";
    /** Tolerated clock difference between the services' hosts. */
    private static final int CLOCK_SKEW_SECONDS = 5;

    private final boolean required;
    private final Set<ServiceIdentity.Role> writers;
    private final CurrentCaller currentCaller;
    private final JWTParser parser;

    public IdentityFilter(@ConfigProperty(name = "planscore.identity.required", defaultValue = "true") boolean required,
                          @ConfigProperty(name = "planscore.identity.writers", defaultValue = "admin") List<ServiceIdentity.Role> writers,
                          @ConfigProperty(name = "quarkus.application.name") String audience,
                          IdentityKeys keys, CurrentCaller currentCaller) {
        this.required = required;
        this.writers = Set.copyOf(writers);
        this.currentCaller = currentCaller;
        this.parser = required ? parser(keys, audience) : null;
    }

    private static JWTParser parser(IdentityKeys keys, String audience) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.publicKey(), ServiceIdentity.ISSUER);
        context.setExpectedAudience(Set.of(audience));
        context.setClockSkew(CLOCK_SKEW_SECONDS);
        context.setMaxTimeToLiveSecs(ServiceIdentity.LIFETIME.toSeconds() + CLOCK_SKEW_SECONDS);
        return new DefaultJWTParser(context);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireIdentity(ContainerRequestContext request) {
        if (!required || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        ServiceIdentity identity = verified(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (identity == null) {
            return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .entity(Problem.of(401, "unauthenticated", "Unauthenticated",
                            "This service answers only callers with a valid planscore service identity.", List.of()))
                    .build());
        }
        if (!READ_METHODS.contains(request.getMethod()) && !writers.contains(identity.role())) {
            return Optional.of(Response.status(403).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(403, "forbidden", "Forbidden",
                            "The role " + identity.role() + " may not change anything here.", List.of()))
                    .build());
        }
        currentCaller.set(identity);
        return Optional.empty();
    }

    /** The identity in {@code authorization}, or null when it is absent or does not verify. */
    private ServiceIdentity verified(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        try {
            JsonWebToken token = parser.parse(authorization.substring(BEARER.length()).strip());
            Set<String> groups = token.getGroups();
            if (token.getName() == null || groups == null || groups.size() != 1) {
                return null;
            }
            return new ServiceIdentity(token.getName(), ServiceIdentity.Role.valueOf(groups.iterator().next()),
                    text(token.getClaim(ServiceIdentity.AGENCY_CLAIM)));
        } catch (ParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Object claim) {
        return claim == null ? null : claim instanceof JsonString json ? json.getString() : claim.toString();
    }
}
