package io.planscore.platform.security;

import java.time.Duration;

/**
 * Who is calling an internal service, as the gateway established it (from an API key or a public JWT) or
 * as a service calling another one names itself. It travels as a short-lived RS256 JWT in the
 * {@code Authorization: Bearer} header, signed with the platform's service key: issuer {@value #ISSUER},
 * audience the called service, {@code sub}/{@code upn} the principal, {@code groups} the role and an
 * {@value #AGENCY_CLAIM} claim for an agency caller.
 */
public record ServiceIdentity(String principal, Role role, String agencyId) {

    public static final String ISSUER = "planscore-internal";
    public static final String AGENCY_CLAIM = "agency";
    /** Long enough for one call and its retries, short enough that a captured token is soon useless. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    public enum Role {
        admin, agency, viewer
    }

    public ServiceIdentity {
        if (principal == null || principal.isBlank() || role == null) {
            throw new IllegalArgumentException("An identity needs a principal and a role");
        }
    }

    public boolean isAdmin() {
        return role == Role.admin;
    }
}
