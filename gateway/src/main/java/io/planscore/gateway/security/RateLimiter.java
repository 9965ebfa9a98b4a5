package io.planscore.gateway.security;

import io.planscore.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-credential rate limit on {@code /api/v1}: a token bucket per principal, refilled continuously.
 * Hand-written because SmallRye Fault Tolerance (whose {@code @RateLimit} would do) does not resolve
 * for this Quarkus release here; it is a few lines, in memory, per gateway instance.
 */
@Singleton
public class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
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
        Bucket bucket = buckets.computeIfAbsent(identity.getPrincipal().getName(), k -> new Bucket(burst));
        if (bucket.tryTake(perSecond, burst)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(Problem.of(429, "rate-limited", "Too many requests",
                        "This credential may make " + (long) perSecond + " requests per second (bursts of "
                                + (long) burst + "); retry after a second.", List.of()))
                .build());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        synchronized boolean tryTake(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
