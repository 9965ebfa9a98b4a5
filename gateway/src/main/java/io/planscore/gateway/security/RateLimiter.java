package io.planscore.gateway.security;

import io.planscore.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-credential rate limit on {@code /api/v1}: a token bucket per principal, refilled continuously
 * (failed credentials are limited per client address, before authentication: {@link FailedAttempts}).
 * Hand-written because SmallRye Fault Tolerance (whose {@code @RateLimit} would do) does not resolve
 * for this Quarkus release here; it is a few lines, in memory, per gateway instance.
 */
@Singleton
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final CurrentIdentityAssociation identities;

    public RateLimiter(@ConfigProperty(name = "planscore.rate-limit.per-second") double perSecond,
                       @ConfigProperty(name = "planscore.rate-limit.burst") double burst,
                       CurrentIdentityAssociation identities) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) {
        SecurityIdentity identity = identities.getIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        TokenBucket bucket = buckets.computeIfAbsent(identity.getPrincipal().getName(), k -> new TokenBucket(burst, perSecond));
        if (bucket.tryTake()) {
            return Optional.empty();
        }
        return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE).header(Refusals.RETRY_AFTER, "1")
                .entity(Refusals.tooManyRequests("This credential may make " + (long) perSecond
                        + " requests per second (bursts of " + (long) burst + "); retry after a second."))
                .build());
    }
}
