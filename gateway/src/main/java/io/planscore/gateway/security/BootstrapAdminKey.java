package io.planscore.gateway.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Guarantees a first administrator: the key in {@code PLANSCORE_BOOTSTRAP_ADMIN_KEY} when set,
 * otherwise, when no admin key exists yet, a generated one printed once to the log.
 */
@ApplicationScoped
public class BootstrapAdminKey {

    private static final Logger LOG = Logger.getLogger(BootstrapAdminKey.class);

    void onStart(@Observes StartupEvent event, ApiKeyService keys,
                 @ConfigProperty(name = "planscore.bootstrap-admin-key") Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            if (keys.register("bootstrap admin", Role.admin, configured.get().strip(), "bootstrap")) {
                LOG.info("Registered the bootstrap admin key from PLANSCORE_BOOTSTRAP_ADMIN_KEY");
            }
        } else if (!keys.hasActiveAdminKey()) {
            String secret = keys.issue("bootstrap admin", Role.admin, null, "bootstrap").secret();
            LOG.infof("Generated the bootstrap admin key (shown once, store it now): %s", secret);
        }
    }
}
