package io.planscore.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the internal services see it: the gateway forwards these three facts in
 * {@code X-Planscore-*} headers and the services use them for ownership checks and the audit trail.
 */
public record Caller(String principal, Role role, String agencyId) {

    public static final String AGENCY_ATTRIBUTE = "planscore.agency";
    public static final String AGENCY_CLAIM = "agency";

    public static Caller of(SecurityIdentity identity) {
        Role role = identity.hasRole(Role.ADMIN) ? Role.admin
                : identity.hasRole(Role.AGENCY) ? Role.agency : Role.viewer;
        String agency = identity.getAttribute(AGENCY_ATTRIBUTE);
        if (agency == null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            agency = jwt.getClaim(AGENCY_CLAIM);
            return new Caller("jwt:" + jwt.getName(), role, agency);
        }
        return new Caller(identity.getPrincipal().getName(), role, agency);
    }
}
