package io.planscore.gateway.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Reads the {@code X-API-Key} header; {@link ApiKeyIdentityProvider} checks it. */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Ahead of the JWT mechanism, so that its challenge (a problem+json naming both ways in) is the one sent. */
    private static final int PRIORITY = HttpAuthenticationMechanism.DEFAULT_PRIORITY + 1000;

    public static final String HEADER = "X-API-Key";
    static final String TOKEN_TYPE = "planscore-api-key";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String secret = context.request().getHeader(HEADER);
        if (secret == null || secret.isBlank()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identityProviderManager.authenticate(
                new TokenAuthenticationRequest(new TokenCredential(secret.strip(), TOKEN_TYPE)));
    }

    private final RefusalHandlers refusals;

    public ApiKeyAuthenticationMechanism(RefusalHandlers refusals) {
        this.refusals = refusals;
    }

    /** A call without a valid credential: 401 with both challenges and a problem+json body (not an empty one). */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        refusals.sendUnauthenticated(context);
        return Uni.createFrom().item(true);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
    }
}
