package io.planscore.gateway.security;

import io.planscore.platform.security.ServiceIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the internal services see it: the gateway forwards these three facts as a signed
 * {@link ServiceIdentity} and the services use them for their role and ownership checks and the audit trail.
 */
public record Caller(String principal, Role role, String agencyId) {

    public static final String AGENCY_ATTRIBUTE = "planscore.agency";
    public static final String AGENCY_CLAIM = "agency";

    public static Caller of(SecurityIdentity identity) {
        Role role = identity.hasRole(Role.ADMIN) ? Role.admin
                : identity.hasRole(Role.AGENCY) ? Role.agency : Role.viewer;
        String agency = identity.getAttribute(AGENCY_ATTRIBUTE);
        if (agency == null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            // the issuer of a JWT may spell the agency's UUID in upper case: the services compare it canonical
            return new Caller("jwt:" + jwt.getName(), role, Ids.canonical(jwt.<String>getClaim(AGENCY_CLAIM)));
        }
        return new Caller(identity.getPrincipal().getName(), role, agency);
    }

    public ServiceIdentity identity() {
        return new ServiceIdentity(principal, ServiceIdentity.Role.valueOf(role.name()), agencyId);
    }
}
