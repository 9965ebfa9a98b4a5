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

/** Agencies and plans: written by administrators, read by every authenticated caller. Owned by plans-service. */
@Path("/api/v1")
@Authenticated
@Tag(name = "Plans", description = "Agencies, plans, plan versions and their approval")
public class PlansApi {

    private static final String PLAN_EXAMPLE = """
            {"schema": "seed-plan-fixture/v1", "fixture_id": "demo", "plan": {"agency": "嘉義市政府警察局", "title": "…",
             "kind": "annual", "period": {"roc_start": 107, "roc_end": 107, "ad_start": 2018, "ad_end": 2018, "years_roc": [107]}},
             "facets": [], "goals": [{"id": "G1", "name": "…", "indicators": [{"id": "G1-K1", "name": "…",
             "polarity": {"value": "higher_is_better"}, "targets": [{"year_ad": 2018, "form": "percent", "comparator": ">=", "value": 85, "unit": "%"}]}]}]}""";

    private final Forwarder forward;

    public PlansApi(Forwarder forward) {
        this.forward = forward;
    }

    @POST
    @Path("/agencies")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an agency", description = "A city government or one of its bureaus (with `parentId`).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "bureau",
            value = "{\"name\": \"嘉義市政府警察局\", \"nameEn\": \"Chiayi City Police Department\", \"parentId\": null}")))
    @APIResponse(responseCode = "201", description = "Created; `Location` names the agency")
    public CompletionStage<Response> createAgency(byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @GET
    @Path("/agencies")
    @Operation(summary = "List agencies", description = "A JSON array, one page of it, by name: a page shorter than `size` is the last.")
    @APIResponse(responseCode = "400", description = "page or size out of range (size 1..500); the parameter is named")
    public CompletionStage<Response> listAgencies(@Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                                                  @Parameter(description = "agencies per page, 1..500", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "500")) @QueryParam("size") String size) {
        return forward.to(Upstream.PLANS);
    }

    @GET
    @Path("/agencies/{agencyId}")
    @Operation(summary = "Read an agency")
    @APIResponse(responseCode = "404", description = "No such agency")
    public CompletionStage<Response> getAgency(@PathParam("agencyId") String agencyId) {
        return forward.to(Upstream.PLANS);
    }

    @POST
    @Path("/plans")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a plan", description = """
            Accepts a plan document; `seed-plan-fixture/v1` documents are accepted as they are. Version 1 is approved
            at once and drives scoring, unless `draft=true`. Every problem of a rejected document is listed in one
            422 problem+json, and nothing is stored.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "minimal plan", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created: `{id, version, status, warnings}` and a `Location`")
    @APIResponse(responseCode = "422", description = "The document is not valid; every problem is listed")
    public CompletionStage<Response> createPlan(@Parameter(description = "Keep version 1 a draft") @QueryParam("draft") Boolean draft,
                                                @QueryParam("agencyId") String agencyId, byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @POST
    @Path("/plans/import")
    @RolesAllowed(Role.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Import plans", description = "JSON plan documents, or a KPI table in the seed layout as CSV or XLSX.")
    public CompletionStage<Response> importPlans(byte[] body) {
        return forward.to(Upstream.PLANS, Route.IMPORT, body);
    }

    @GET
    @Path("/plans")
    @Operation(summary = "List plans", description = "Filter by agency, year (AD), kind; `q` searches indicator names and standards (zh-TW or English). Paged: `page` from 0, `size` 1..200 (default 20).")
    @APIResponse(responseCode = "400", description = "page or size out of range; the parameter is named")
    public CompletionStage<Response> listPlans(@QueryParam("agency") String agency, @QueryParam("year") Integer year,
                                               @QueryParam("kind") String kind, @QueryParam("q") String query,
                                               @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                                               @Parameter(description = "plans per page, 1..200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("size") String size) {
        return forward.to(Upstream.PLANS);
    }

    @GET
    @Path("/plans/{planId}")
    @Operation(summary = "Read a plan", description = "The version in force, or `version`.")
    @APIResponse(responseCode = "404", description = "No such plan or version")
    public CompletionStage<Response> getPlan(@PathParam("planId") String planId, @QueryParam("version") Integer version) {
        return forward.to(Upstream.PLANS);
    }

    @PUT
    @Path("/plans/{planId}")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a plan", description = "Stores the document as a new draft version; approve it to make it take effect.")
    public CompletionStage<Response> revisePlan(@PathParam("planId") String planId, byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @GET
    @Path("/plans/{planId}/versions")
    @Operation(summary = "List a plan's versions", description = "Each with its status and who created and approved it, and when. A JSON array, one page of it, oldest first: a page shorter than `size` is the last.")
    @APIResponse(responseCode = "400", description = "page or size out of range (size 1..500); the parameter is named")
    public CompletionStage<Response> listVersions(@PathParam("planId") String planId,
                                                  @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                                                  @Parameter(description = "versions per page, 1..500", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "500")) @QueryParam("size") String size) {
        return forward.to(Upstream.PLANS);
    }

    @GET
    @Path("/plans/{planId}/versions/{from}/diff/{to}")
    @Operation(summary = "Compare two versions of a plan")
    public CompletionStage<Response> diffVersions(@PathParam("planId") String planId, @PathParam("from") int from,
                                                  @PathParam("to") int to) {
        return forward.to(Upstream.PLANS);
    }

    @POST
    @Path("/plans/{planId}/versions/{version}/approve")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Approve a plan version", description = """
            The version takes effect, supersedes the one in force and is published, so scores are recomputed.
            Lowering a target needs a written `justification`.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "justified",
            value = "{\"justification\": \"Budget cut approved by the council on 2019-03-01\"}")))
    public CompletionStage<Response> approveVersion(@PathParam("planId") String planId, @PathParam("version") int version,
                                                    byte[] body) {
        return forward.to(Upstream.PLANS, body);
    }

    @GET
    @Path("/plans/{planId}/export")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Export a plan", description = "`format=json` gives the plan document; `csv` and `xlsx` its KPI table in the seed layout.")
    public CompletionStage<Response> exportPlan(@PathParam("planId") String planId, @QueryParam("format") String format) {
        return forward.to(Upstream.PLANS);
    }
}
