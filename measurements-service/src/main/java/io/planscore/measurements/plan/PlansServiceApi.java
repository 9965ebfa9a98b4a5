package io.planscore.measurements.plan;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What measurements-service asks plans-service: a plan's version in force. The answer is plans-service's, any status. */
@Path("/api/v1/plans")
public interface PlansServiceApi {

    @GET
    @Path("/{planId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response plan(@PathParam("planId") String planId, @HeaderParam(HttpHeaders.AUTHORIZATION) String identity);
}
