package io.planscore.gateway.api;

import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;

/** Scorecards and their explanations. Owned by scoring-service; the live stream is {@code ScoreStreamApi}. */
@Path("/api/v1/scores")
@Authenticated
@Tag(name = "Scores", description = "Scorecards, explanations and rebuilds")
public class ScoresApi {

    private final Forwarder forward;

    public ScoresApi(Forwarder forward) {
        this.forward = forward;
    }

    @GET
    @Path("/plans/{planId}")
    @Operation(summary = "A plan's scorecard", description = """
            Plan, facets, goals and indicators for a year: value, target, achievement, points, status, coverage
            and flags. `asOf` answers as of a past instant.""")
    @APIResponse(responseCode = "404", description = "No score yet for this plan and year")
    public CompletionStage<Response> scorecard(@PathParam("planId") String planId,
                                               @Parameter(description = "AD year, e.g. 2018") @QueryParam("year") Integer year,
                                               @Parameter(description = "ISO-8601 instant") @QueryParam("asOf") String asOf) {
        return forward.to(Upstream.SCORING);
    }

    @GET
    @Path("/plans/{planId}/indicators/{indicatorId}")
    @Operation(summary = "How an indicator's score was made",
            description = "Input events, rule and plan version, baseline inputs and every step of the derivation.")
    public CompletionStage<Response> explanation(@PathParam("planId") String planId,
                                                 @PathParam("indicatorId") String indicatorId,
                                                 @QueryParam("year") Integer year) {
        return forward.to(Upstream.SCORING);
    }

    @GET
    @Path("/plans/{planId}/history")
    @Operation(summary = "Every score version of a plan and year")
    public CompletionStage<Response> history(@PathParam("planId") String planId, @QueryParam("year") Integer year) {
        return forward.to(Upstream.SCORING);
    }

    @POST
    @Path("/plans/{planId}/admin-inputs")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter an administrator's scoring input", description = """
            `kind` is `verdict` (the achievement of a text target, 1 = met), `award` (discretionary bonus points),
            `external_target` (a target set later by another authority) or `baseline_value` (an earlier year's value
            feeding a baseline). The affected plan-years are rescored and published at once.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "baseline value",
            value = "{\"indicatorId\": \"F1-G1-K1\", \"year\": 2017, \"kind\": \"baseline_value\", \"value\": 74.2}")))
    @APIResponse(responseCode = "201", description = "Stored; the scores are being recomputed")
    public CompletionStage<Response> enterAdminInput(@PathParam("planId") String planId, byte[] body) {
        return forward.to(Upstream.SCORING, body);
    }

    @GET
    @Path("/plans/{planId}/admin-inputs")
    @Operation(summary = "The administrators' scoring inputs of a plan")
    public CompletionStage<Response> adminInputs(@PathParam("planId") String planId) {
        return forward.to(Upstream.SCORING);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Recompute every score from the event history",
            description = "Builds fresh tables and switches over only when done.")
    public CompletionStage<Response> rebuild() {
        return forward.to(Upstream.SCORING);
    }
}
