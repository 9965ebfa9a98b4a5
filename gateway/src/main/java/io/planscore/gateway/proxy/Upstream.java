package io.planscore.gateway.proxy;

/** The internal services behind the gateway, by their application name (the audience of the identities sent). */
public enum Upstream {
    PLANS("plans-service"), MEASUREMENTS("measurements-service"), SCORING("scoring-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
