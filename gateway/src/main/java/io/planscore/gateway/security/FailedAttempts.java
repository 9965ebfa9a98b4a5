package io.planscore.gateway.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed credential attempts (an unknown, forged or revoked API key, a JWT that does not verify) per client
 * address: {@code limit} of them per {@code window}, as a token bucket, so a guesser gets {@code limit}
 * tries at once and then one every {@code window / limit}. Kept in memory, per gateway instance; an
 * address that has not failed for a whole window is forgotten.
 */
@ApplicationScoped
public class FailedAttempts {

    private final int limit;
    private final double perSecond;
    private final Map<String, TokenBucket> addresses = new ConcurrentHashMap<>();

    public FailedAttempts(@ConfigProperty(name = "planscore.auth-failures.limit") int limit,
                          @ConfigProperty(name = "planscore.auth-failures.window") Duration window) {
        this.limit = limit;
        this.perSecond = limit / (window.toMillis() / 1000.0);
    }

    /** Whole seconds until {@code address} may present a credential again; 0 when it may now. */
    public long retryAfter(String address) {
        TokenBucket failures = addresses.get(address);
        return failures == null ? 0 : failures.secondsUntilToken();
    }

    public void failed(String address) {
        addresses.computeIfAbsent(address, a -> new TokenBucket(limit, perSecond)).take();
    }

    public int limit() {
        return limit;
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetRecovered() {
        addresses.values().removeIf(TokenBucket::full);
    }
}
