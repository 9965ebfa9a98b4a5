package io.planscore.gateway.api;

import io.planscore.gateway.proxy.Route;
import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/** Agencies and plans: written by administrators, read by every authenticated caller. Owned by plans-service. */
@Path("/api/v1")
@Authenticated
public class PlansApi {

    private final Forwarder forward;

    public PlansApi(Forwarder forward) {
        this.forward = forward;
    }

    @POST
    @Path("/agencies")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> createAgency(byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @GET
    @Path("/agencies")
    public CompletionStage<Response> listAgencies() {
        return forward.to(Upstream.PLANS);
    }

    @GET
    @Path("/agencies/{agencyId}")
    public CompletionStage<Response> getAgency(@PathParam("agencyId") String agencyId) {
        return forward.to(Upstream.PLANS);
    }

    @POST
    @Path("/plans")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> createPlan(byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @POST
    @Path("/plans/import")
    @RolesAllowed(Role.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public CompletionStage<Response> importPlans(byte[] body) {
        return forward.to(Upstream.PLANS, Route.IMPORT, body);
    }

    @GET
    @Path("/plans")
    public CompletionStage<Response> listPlans() {
        return forward.to(Upstream.PLANS);
    }

    @GET
    @Path("/plans/{planId}")
    public CompletionStage<Response> getPlan(@PathParam("planId") String planId) {
        return forward.to(Upstream.PLANS);
    }

    @PUT
    @Path("/plans/{planId}")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> revisePlan(@PathParam("planId") String planId, byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @GET
    @Path("/plans/{planId}/versions")
    public CompletionStage<Response> listVersions(@PathParam("planId") String planId) {
        return forward.to(Upstream.PLANS);
    }

    @GET
    @Path("/plans/{planId}/versions/{from}/diff/{to}")
    public CompletionStage<Response> diffVersions(@PathParam("planId") String planId, @PathParam("from") int from,
                                                  @PathParam("to") int to) {
        return forward.to(Upstream.PLANS);
    }

    @POST
    @Path("/plans/{planId}/versions/{version}/approve")
    @RolesAllowed(Role.ADMIN)
    public CompletionStage<Response> approveVersion(@PathParam("planId") String planId, @PathParam("version") int version,
                                                    byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @GET
    @Path("/plans/{planId}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public CompletionStage<Response> exportPlan(@PathParam("planId") String planId) {
        return forward.to(Upstream.PLANS);
    }
}
