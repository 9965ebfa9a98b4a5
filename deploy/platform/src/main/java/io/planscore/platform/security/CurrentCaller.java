package io.planscore.platform.security;

import jakarta.enterprise.context.RequestScoped;

/** The verified identity of the current {@code /api} request, set by {@link IdentityFilter}. */
@RequestScoped
public class CurrentCaller {

    private ServiceIdentity identity;

    void set(ServiceIdentity identity) {
        this.identity = identity;
    }

    public ServiceIdentity get() {
        if (identity == null) {
            throw new IllegalStateException("No verified caller: not an /api request, or identities are not required here");
        }
        return identity;
    }
}
