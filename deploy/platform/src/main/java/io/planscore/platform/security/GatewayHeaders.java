package io.planscore.platform.security;

/**
 * The headers the gateway adds to every call it forwards to a service: who the caller is (established by the
 * gateway from an API key or a JWT) and the internal token that proves the call came through the gateway.
 * Services trust the identity headers only because {@link InternalCallFilter} admits no one else.
 */
public final class GatewayHeaders {

    public static final String INTERNAL_TOKEN = "X-Planscore-Internal-Token";
    /** The authenticated principal, e.g. {@code key:3f2a…} or a JWT subject; kept in audit trails. */
    public static final String PRINCIPAL = "X-Planscore-Principal";
    /** {@code admin}, {@code agency} or {@code viewer}. */
    public static final String ROLE = "X-Planscore-Role";
    /** The caller's agency id; present for the agency role. */
    public static final String AGENCY = "X-Planscore-Agency";

    private GatewayHeaders() {
    }
}
