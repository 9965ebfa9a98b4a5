package io.planscore.platform.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Signs a caller's identity for one internal service ({@code audience}: its application name). */
@ApplicationScoped
public class IdentitySigner {

    private final IdentityKeys keys;

    public IdentitySigner(IdentityKeys keys) {
        this.keys = keys;
    }

    public String sign(ServiceIdentity identity, String audience) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ServiceIdentity.ISSUER).audience(audience)
                .subject(identity.principal()).upn(identity.principal()).groups(identity.role().name())
                .issuedAt(now).expiresAt(now.plus(ServiceIdentity.LIFETIME));
        if (identity.agencyId() != null) {
            claims.claim(ServiceIdentity.AGENCY_CLAIM, identity.agencyId());
        }
        return claims.jws().sign(keys.privateKey());
    }
}
