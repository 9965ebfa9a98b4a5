package io.planscore.gateway.api;

import io.planscore.gateway.proxy.Route;
import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/** Scorecards and their explanations. Owned by scoring-service; the live stream is {@code ScoreStreamApi}. */
@Path("/api/v1/scores")
@Authenticated
public class ScoresApi {

    private final Forwarder forward;

    public ScoresApi(Forwarder forward) {
        this.forward = forward;
    }

    @GET
    @Path("/plans/{planId}")
    public CompletionStage<Response> scorecard(@PathParam("planId") String planId) {
        return forward.to(Upstream.SCORING);
    }

    @GET
    @Path("/plans/{planId}/indicators/{indicatorId}")
    public CompletionStage<Response> explanation(@PathParam("planId") String planId,
                                                 @PathParam("indicatorId") String indicatorId) {
        return forward.to(Upstream.SCORING);
    }

    @GET
    @Path("/plans/{planId}/history")
    public CompletionStage<Response> history(@PathParam("planId") String planId) {
        return forward.to(Upstream.SCORING);
    }

    @POST
    @Path("/plans/{planId}/admin-inputs")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> enterAdminInput(@PathParam("planId") String planId, byte[] body) {
        return forward.to(Upstream.SCORING, body);
    }

    @GET
    @Path("/plans/{planId}/admin-inputs")
    public CompletionStage<Response> adminInputs(@PathParam("planId") String planId) {
        return forward.to(Upstream.SCORING);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Role.ADMIN)
    public CompletionStage<Response> rebuild() {
        return forward.to(Upstream.SCORING, Route.REBUILD, null);
    }

    @GET
    @Path("/rebuild/{jobId}")
    @RolesAllowed(Role.ADMIN)
    public CompletionStage<Response> rebuildJob(@PathParam("jobId") String jobId) {
        return forward.to(Upstream.SCORING);
    }
}
