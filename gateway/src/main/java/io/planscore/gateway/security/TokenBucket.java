package io.planscore.gateway.security;

/** A token bucket refilled continuously: {@code capacity} at most, {@code perSecond} coming back. */
final class TokenBucket {

    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    TokenBucket(double capacity, double perSecond) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.tokens = capacity;
    }

    /** Takes a token if there is one. */
    synchronized boolean tryTake() {
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Takes a token, or what is left of one. */
    synchronized void take() {
        refill();
        tokens = Math.max(0, tokens - 1);
    }

    /** Whole seconds until a token is there; 0 when one is there now. */
    synchronized long secondsUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond);
    }

    synchronized boolean full() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
    }
}
