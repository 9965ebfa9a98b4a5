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
            and flags. `asOf` answers as of a past instant; `version` (with `year`) answers with that scoreVersion
            from the history.""")
    @APIResponse(responseCode = "404", description = "No score yet for this plan and year, or no such version")
    @APIResponse(responseCode = "400", description = "version without year, or together with asOf (problem+json)")
    public CompletionStage<Response> scorecard(@PathParam("planId") String planId,
                                               @Parameter(description = "AD year, e.g. 2018") @QueryParam("year") Integer year,
                                               @Parameter(description = "ISO-8601 instant") @QueryParam("asOf") String asOf,
                                               @Parameter(description = "A scoreVersion of the plan-year's history")
                                               @QueryParam("version") Integer version) {
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
    @Operation(summary = "The score versions of a plan and year, one page of summaries", description = """
            `{planId, year, order, items, page, size, total}`; each item is a version's summary: scoreVersion,
            planVersion, totalScore, maxScore, coverage {withTarget, scored, share}, statusCounts {met, atRisk,
            offTrack, pending, notScored}, trigger {eventId, eventType} and computedAt. Whole scorecards are not
            listed: read one with `GET /api/v1/scores/plans/{planId}?year=&version=`.""")
    @APIResponse(responseCode = "404", description = "No score yet for this plan and year")
    @APIResponse(responseCode = "400", description = "year missing, page < 0, size outside 1..500 or an unknown order "
            + "(problem+json naming the parameter)")
    public CompletionStage<Response> history(@PathParam("planId") String planId,
                                             @Parameter(description = "AD year (required)") @QueryParam("year") Integer year,
                                             @Parameter(description = "`newest` (default: the latest version first) or `oldest`")
                                             @QueryParam("order") String order,
                                             @Parameter(description = "0-based page, default 0") @QueryParam("page") Integer page,
                                             @Parameter(description = "Page size 1..500, default 100") @QueryParam("size") Integer size) {
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
    @Operation(summary = "Start a rebuild job: verify every score against the stored inputs", description = """
            Runs in the background: every plan-year is recomputed from the stored inputs as of the job's start and
            compared with the live scorecard of that moment. Score history is not rewritten; where a plan-year
            differs, a new version (trigger type `rebuild`) is appended once every plan is verified. Live scoring
            goes on meanwhile. Poll the job at the `Location`.""")
    @APIResponse(responseCode = "202", description = "Queued; `Location` is the job, e.g. /api/v1/scores/rebuild/{jobId}")
    @APIResponse(responseCode = "409", description = "A rebuild is already queued or running (problem+json)")
    public CompletionStage<Response> rebuild() {
        return forward.to(Upstream.SCORING, Route.REBUILD, null);
    }

    @GET
    @Path("/rebuild/{jobId}")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "A rebuild job", description = """
            `state` QUEUED, RUNNING, SUCCEEDED, FAILED or INTERRUPTED (the scoring process stopped; live scores
            were left as they were), `progress` (0..1 of the plans verified), plansTotal, plansDone,
            inputsReplayed, planYears, `identical` (once SUCCEEDED), differingPlanYears ("planId/year"),
            versionsAppended, snapshotSeq, requestedAt, startedAt, finishedAt and `error`.""")
    @APIResponse(responseCode = "404", description = "No such job")
    public CompletionStage<Response> rebuildJob(@PathParam("jobId") String jobId) {
        return forward.to(Upstream.SCORING);
    }
}
