package io.planscore.gateway.proxy;

/** The internal services behind the gateway. */
public enum Upstream {
    PLANS, MEASUREMENTS, SCORING
}
