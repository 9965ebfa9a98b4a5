package io.planscore.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The service identity keys, read at start so that a service missing one refuses to start, naming the
 * variable to set. Internal services need the public key (they verify every caller); the services that
 * call others (the gateway, measurements-service) need the private key. Neither has a default: the local
 * launcher generates them, Compose and Kubernetes take them from the environment or a Secret.
 */
@Singleton
public class IdentityKeys {

    static final String PUBLIC_KEY_VARIABLE = "PLANSCORE_IDENTITY_PUBLIC_KEY";
    static final String PRIVATE_KEY_VARIABLE = "PLANSCORE_IDENTITY_PRIVATE_KEY";

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    public IdentityKeys(@ConfigProperty(name = "planscore.identity.required", defaultValue = "true") boolean verifies,
                        @ConfigProperty(name = "planscore.identity.signs", defaultValue = "false") boolean signs,
                        @ConfigProperty(name = "planscore.identity.public-key") Optional<String> publicPem,
                        @ConfigProperty(name = "planscore.identity.private-key") Optional<String> privatePem) {
        this.publicKey = verifies ? decodePublic(require(publicPem, PUBLIC_KEY_VARIABLE)) : null;
        this.privateKey = signs ? decodePrivate(require(privatePem, PRIVATE_KEY_VARIABLE)) : null;
    }

    void checkAtStart(@Observes StartupEvent event) {
        // Constructing this bean is the check.
    }

    PublicKey publicKey() {
        if (publicKey == null) {
            throw new IllegalStateException("This service does not verify identities (planscore.identity.required=false)");
        }
        return publicKey;
    }

    PrivateKey privateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("This service does not sign identities (planscore.identity.signs=false)");
        }
        return privateKey;
    }

    private static String require(Optional<String> value, String variable) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(variable
                + " is not set: the PEM (or its base64 body) of the planscore service identity key. See docs/operations.md."));
    }

    private static PublicKey decodePublic(String pem) {
        try {
            return KeyUtils.decodePublicKey(pem);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(PUBLIC_KEY_VARIABLE + " is not an RSA public key in PEM: " + e.getMessage(), e);
        }
    }

    private static PrivateKey decodePrivate(String pem) {
        try {
            return KeyUtils.decodePrivateKey(pem);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException(PRIVATE_KEY_VARIABLE + " is not a PKCS#8 RSA private key in PEM: " + e.getMessage(), e);
        }
    }
}
