package io.planscore.gateway.api;

import io.planscore.gateway.proxy.Route;
import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.proxy.UpstreamClient;
import io.planscore.gateway.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.concurrent.CompletionStage;

/** The current request, forwarded as the authenticated caller to the service that owns it. */
@RequestScoped
public class Forwarder {

    private final UpstreamClient client;
    private final SecurityIdentity identity;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    public Forwarder(UpstreamClient client, SecurityIdentity identity) {
        this.client = client;
        this.identity = identity;
    }

    public CompletionStage<Response> to(Upstream upstream) {
        return to(upstream, null);
    }

    public CompletionStage<Response> to(Upstream upstream, byte[] body) {
        return to(upstream, Route.STANDARD, body);
    }

    /** A route that may take its service longer than most (an import, a rebuild): see {@link Route}. */
    public CompletionStage<Response> to(Upstream upstream, Route route, byte[] body) {
        return client.forward(upstream, route, request.getMethod(), uri, headers, caller(), body);
    }

    public Caller caller() {
        return Caller.of(identity);
    }
}
