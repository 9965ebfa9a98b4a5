package io.planscore.platform.security;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs a caller's identity for one internal service ({@code audience}: its application name).
 *
 * <p>An RS256 signature costs more CPU than forwarding a small request, and a caller sends many requests a
 * minute: a signed identity is reused for the same caller and audience until half its lifetime has passed. That
 * widens nothing: any token may be replayed until it expires anyway, and each one still expires
 * {@link ServiceIdentity#LIFETIME} after it was signed.
 */
@ApplicationScoped
public class IdentitySigner {

    /** Distinct callers remembered at most; beyond it the memory is cleared (and refilled by who calls next). */
    private static final int MAX_REMEMBERED = 10_000;

    private record Signed(String token, Instant reuseUntil) {
    }

    private record For(ServiceIdentity identity, String audience) {
    }

    private final IdentityKeys keys;
    private final Map<For, Signed> recent = new ConcurrentHashMap<>();

    public IdentitySigner(IdentityKeys keys) {
        this.keys = keys;
    }

    public String sign(ServiceIdentity identity, String audience) {
        Instant now = Instant.now();
        For key = new For(identity, audience);
        Signed signed = recent.get(key);
        if (signed == null || !now.isBefore(signed.reuseUntil())) {
            if (recent.size() >= MAX_REMEMBERED) {
                recent.clear();
            }
            signed = new Signed(signNew(identity, audience, now), now.plus(ServiceIdentity.LIFETIME.dividedBy(2)));
            recent.put(key, signed);
        }
        return signed.token();
    }

    private String signNew(ServiceIdentity identity, String audience, Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(ServiceIdentity.ISSUER).audience(audience)
                .subject(identity.principal()).upn(identity.principal()).groups(identity.role().name())
                .issuedAt(now).expiresAt(now.plus(ServiceIdentity.LIFETIME));
        if (identity.agencyId() != null) {
            claims.claim(ServiceIdentity.AGENCY_CLAIM, identity.agencyId());
        }
        return claims.jws().sign(keys.privateKey());
    }
}
