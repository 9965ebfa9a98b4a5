package io.planscore.plans.rest;

import io.planscore.plans.service.AgencyService;
import io.planscore.plans.service.PageRequest;
import io.planscore.plans.service.Views;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.security.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "Governments and their agencies (局/處)")
public class AgencyResource {

    private static final String AGENCY_EXAMPLE = """
            {"id": "9f3e2c1a-5d4b-4c3e-9a8f-1b2c3d4e5f60", "name": "基隆市警察局",
             "nameEn": "Keelung City Police Department", "parentId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
             "createdAt": "2026-11-22T02:00:00Z", "createdBy": "key:ab12"}""";
    private static final String PROBLEM_422 = """
            {"type": "https://planscore.io/problems/validation", "title": "The request is not valid", "status": 422,
             "detail": "The agency cannot be created.", "instance": "/api/v1/agencies",
             "errors": [{"field": "name", "code": "REQUIRED", "message": "name is required."}]}""";
    private static final String PROBLEM_404 = """
            {"type": "https://planscore.io/problems/not-found", "title": "Agency not found", "status": 404,
             "detail": "Agency '9f3e2c1a-5d4b-4c3e-9a8f-1b2c3d4e5f60' does not exist."}""";

    private final AgencyService agencies;
    private final CurrentCaller caller;

    public AgencyResource(AgencyService agencies, CurrentCaller caller) {
        this.agencies = agencies;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an agency", description = "A government (no parent) or one of its agencies.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgencyService.NewAgency.class),
            examples = @ExampleObject(name = "agency", value = "{\"name\": \"基隆市警察局\", \"nameEn\": \"Keelung City Police Department\", \"parentId\": \"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the agency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.AgencyView.class),
                    examples = @ExampleObject(name = "created", value = AGENCY_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Name missing, longer than 500 characters or holding U+0000, or parent unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = PROBLEM_422)))
    public Response create(AgencyService.NewAgency request) {
        Views.AgencyView created = agencies.create(request, caller.get().principal());
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/agencies/" + created.id()).entity(created).build();
    }

    @GET
    @Operation(summary = "List agencies", description = "Every government and agency, by name. A JSON array, one page "
            + "of it: pages from 0, size 1 to " + AgencyService.MAX_PAGE_SIZE + " (default " + AgencyService.MAX_PAGE_SIZE
            + "); `X-Total-Count` gives the number of agencies.")
    @APIResponse(responseCode = "200", description = "One page of agencies",
            headers = @Header(name = ArrayPages.TOTAL_COUNT, description = "How many agencies there are",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Views.AgencyView.class),
                    examples = @ExampleObject(name = "agencies", value = "[" + AGENCY_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "page or size out of range: the parameter is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = Examples.PROBLEM_PAGE_SIZE)))
    public Response list(@Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                         @QueryParam("page") String page,
                         @Parameter(description = "agencies per page, 1.." + AgencyService.MAX_PAGE_SIZE,
                                 schema = @Schema(type = SchemaType.INTEGER, defaultValue = "" + AgencyService.MAX_PAGE_SIZE))
                         @QueryParam("size") String size) {
        return ArrayPages.of(agencies.list(PageRequest.of(page, size, AgencyService.MAX_PAGE_SIZE, AgencyService.MAX_PAGE_SIZE)));
    }

    @GET
    @Path("/{agencyId}")
    @Operation(summary = "Read an agency")
    @APIResponse(responseCode = "200", description = "The agency",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.AgencyView.class),
                    examples = @ExampleObject(name = "agency", value = AGENCY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = PROBLEM_404)))
    public Views.AgencyView get(@PathParam("agencyId") UUID agencyId) {
        return agencies.get(agencyId);
    }
}
