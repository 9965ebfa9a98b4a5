package io.planscore.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Bearer JWTs are verified with the key of whoever issues them, and there is no built-in one: without
 * it the gateway does not start (SmallRye JWT alone would start and refuse every token).
 */
@ApplicationScoped
public class PublicJwtKeyCheck {

    private final boolean configured;

    public PublicJwtKeyCheck(@ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                             @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        this.configured = key.filter(k -> !k.isBlank()).isPresent() || location.filter(l -> !l.isBlank()).isPresent();
    }

    void check(@Observes StartupEvent event) {
        if (!configured) {
            throw new IllegalStateException("Neither MP_JWT_VERIFY_PUBLICKEY nor MP_JWT_VERIFY_PUBLICKEY_LOCATION is set: "
                    + "the gateway needs the public key that verifies bearer JWTs. See docs/operations.md.");
        }
    }
}
