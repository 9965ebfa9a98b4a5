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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * Measurement events: posted by the agency that owns the plan (or an administrator), read by anyone
 * authenticated. Owned by measurements-service, which also enforces plan ownership.
 */
@Path("/api/v1/measurements")
@Authenticated
public class MeasurementsApi {

    private final Forwarder forward;

    public MeasurementsApi(Forwarder forward) {
        this.forward = forward;
    }

    @POST
    @RolesAllowed({Role.AGENCY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> post(byte[] body) {
        return forward.to(Upstream.MEASUREMENTS, body);
    }

    @POST
    @Path("/import")
    @RolesAllowed({Role.AGENCY, Role.ADMIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public CompletionStage<Response> importCsv(byte[] body) {
        return forward.to(Upstream.MEASUREMENTS, Route.IMPORT, body);
    }

    @GET
    public CompletionStage<Response> list() {
        return forward.to(Upstream.MEASUREMENTS);
    }

    @GET
    @Path("/rejected")
    public CompletionStage<Response> rejected() {
        return forward.to(Upstream.MEASUREMENTS);
    }
}
