package io.planscore.scoring.rest;

import io.planscore.scoring.service.ScoreQueries;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;

/** Scorecards, served to the gateway at the public paths. */
@Path("/api/v1/scores/plans/{planId}")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {

    private final ScoreQueries queries;

    public ScoresResource(ScoreQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "A plan's scorecard for a year, now or as of an instant")
    @APIResponse(responseCode = "404", description = "No score yet")
    public ScoreQueries.ScorecardView scorecard(@PathParam("planId") String planId, @QueryParam("year") Integer year,
                                                @QueryParam("asOf") Instant asOf) {
        return queries.scorecard(planId, year, asOf);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every score version of a plan-year")
    public List<ScoreQueries.HistoryEntry> history(@PathParam("planId") String planId, @QueryParam("year") int year) {
        return queries.history(planId, year);
    }

    @GET
    @Path("/indicators/{indicatorId}")
    @Operation(summary = "How an indicator's score was made",
            description = "The indicator's entry of the scorecard version (now, or as of an instant), and one page of "
                    + "the measurement events it used, in arrival order: inputEventCount in all, size per page "
                    + "(at most " + ScoreQueries.MAX_PAGE_SIZE + "). An old version lists the events it used then.")
    @APIResponse(responseCode = "422", description = "page or size out of range")
    public ScoreQueries.Explanation explain(@PathParam("planId") String planId,
                                            @PathParam("indicatorId") String indicatorId,
                                            @QueryParam("year") Integer year, @QueryParam("asOf") Instant asOf,
                                            @QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("100") int size) {
        return queries.explain(planId, indicatorId, year, asOf, page, size);
    }
}
