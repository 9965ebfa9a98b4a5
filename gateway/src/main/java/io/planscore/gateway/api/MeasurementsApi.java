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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

/**
 * Measurement events: posted by the agency that owns the plan (or an administrator), read by anyone
 * authenticated. Owned by measurements-service, which also enforces plan ownership.
 */
@Path("/api/v1/measurements")
@Authenticated
@Tag(name = "Measurements", description = "Actuals posted by agencies, their corrections and rejections")
public class MeasurementsApi {

    private final Forwarder forward;

    public MeasurementsApi(Forwarder forward) {
        this.forward = forward;
    }

    @POST
    @RolesAllowed({Role.AGENCY, Role.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post measurement events", description = """
            One event, or `{"events": [...]}` with up to 10,000. Each event is answered `accepted`, `duplicate`
            (its `eventId` was seen before: nothing changes) or `rejected` with reason codes naming the field.
            An agency may post only for its own plans.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one actual", value = """
            {"eventId": "0b6c3c2e-4a51-4f7e-9d55-8f1f3f0c2a10", "planId": "…", "indicatorId": "F3-G1-K二",
             "period": "2018", "value": 3, "unit": "件", "kind": "actual", "observedAt": "2018-12-31T00:00:00Z"}""")))
    @APIResponse(responseCode = "202", description = "A status per event")
    @APIResponse(responseCode = "403", description = "The plan belongs to another agency; nothing was stored")
    @APIResponse(responseCode = "413", description = "More than 10,000 events, or too large a body")
    public CompletionStage<Response> post(byte[] body) {
        return forward.to(Upstream.MEASUREMENTS, body);
    }

    @POST
    @Path("/import")
    @RolesAllowed({Role.AGENCY, Role.ADMIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import measurement events from CSV",
            description = "UTF-8, with or without BOM; header `eventId,planId,indicatorId,component,period,value,unit,kind,supersedes,observedAt,note,evidenceUrl`.")
    public CompletionStage<Response> importCsv(byte[] body) {
        return forward.to(Upstream.MEASUREMENTS, Route.IMPORT, body);
    }

    @GET
    @Operation(summary = "List measurement events", description = "With each event's correction chain. Paged: `page` from 0, `size` 1..1000 (default 100).")
    @APIResponse(responseCode = "400", description = "page or size out of range; the parameter is named")
    public CompletionStage<Response> list(@QueryParam("planId") String planId, @QueryParam("indicatorId") String indicatorId,
                                          @QueryParam("year") Integer year,
                                          @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                                          @Parameter(description = "events per page, 1..1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) @QueryParam("size") String size) {
        return forward.to(Upstream.MEASUREMENTS);
    }

    @GET
    @Path("/rejected")
    @Operation(summary = "List rejected events", description = "Every rejected event is kept with its reasons, newest first. Paged: `page` from 0, `size` 1..1000 (default 100).")
    @APIResponse(responseCode = "400", description = "page or size out of range; the parameter is named")
    public CompletionStage<Response> rejected(@QueryParam("planId") String planId,
                                              @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                                              @Parameter(description = "rejections per page, 1..1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) @QueryParam("size") String size) {
        return forward.to(Upstream.MEASUREMENTS);
    }
}
