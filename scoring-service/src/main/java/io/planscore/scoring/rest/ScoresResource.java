package io.planscore.scoring.rest;

import io.planscore.platform.problem.Bounds;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.service.ScoreQueries;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Arrays;

/** Scorecards, served to the gateway at the public paths. */
@Path("/api/v1/scores/plans/{planId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Scorecards, their history and explanations, administrators' inputs, rebuilds")
public class ScoresResource {

    static final int MAX_HISTORY_PAGE_SIZE = 500;

    private final ScoreQueries queries;

    public ScoresResource(ScoreQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "A plan's scorecard for a year: now, as of an instant, or one version", description = """
            Plan, facets, goals and indicators for a year: value, target, achievement, points, status, coverage
            and flags. `asOf` answers as of a past instant; `version` (with `year`) answers with that scoreVersion
            from the history.""")
    @APIResponse(responseCode = "200", description = "The scorecard", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreQueries.ScorecardView.class)))
    @APIResponse(responseCode = "404", description = "No score yet, or no such version")
    @APIResponse(responseCode = "400", description = "version without year, or together with asOf; asOf outside the years 1..9999",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreQueries.ScorecardView scorecard(
            @PathParam("planId") String planId, @QueryParam("year") Integer year, @QueryParam("asOf") Instant asOf,
            @Parameter(description = "A scoreVersion from the history (needs year)",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("version") String versionText) {
        checkAsOf(asOf);
        if (versionText == null || versionText.isBlank()) {
            return queries.scorecard(planId, year, asOf);
        }
        int version = integer("version", versionText);
        if (year == null) {
            throw invalidParameter("year", "year is required with version");
        }
        if (asOf != null) {
            throw invalidParameter("asOf", "asOf and version cannot be combined");
        }
        return queries.scorecard(planId, year, version);
    }

    @GET
    @Path("/history")
    @Operation(summary = "The score versions of a plan-year, one page of summaries", description = """
            Each version's scoreVersion, planVersion, total, coverage, status counts, trigger and computedAt;
            never the whole scorecard (read one with `?year=&version=`). `order=newest` (default) starts from the
            latest version, `order=oldest` from version 1.""")
    @APIResponse(responseCode = "200", description = "One page of version summaries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreQueries.HistoryPage.class)))
    @APIResponse(responseCode = "404", description = "No score yet for this plan and year")
    @APIResponse(responseCode = "400", description = "year missing, page < 0, size outside 1..500 or an unknown order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreQueries.HistoryPage history(
            @PathParam("planId") String planId,
            @Parameter(description = "AD year", required = true, schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("year") String yearText,
            @Parameter(description = "newest (default) or oldest first") @QueryParam("order") @DefaultValue("newest")
            String orderText,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1..500", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100"))
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        if (yearText == null || yearText.isBlank()) {
            throw invalidParameter("year", "year is required");
        }
        int year = integer("year", yearText);
        int page = integer("page", pageText);
        int size = integer("size", sizeText);
        if (page < 0) {
            throw invalidParameter("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_HISTORY_PAGE_SIZE) {
            throw invalidParameter("size", "size must be between 1 and " + MAX_HISTORY_PAGE_SIZE);
        }
        ScoreQueries.HistoryOrder order = Arrays.stream(ScoreQueries.HistoryOrder.values())
                .filter(o -> o.name().equals(orderText.trim())).findFirst()
                .orElseThrow(() -> invalidParameter("order", "order must be newest or oldest"));
        return queries.history(planId, year, order, page, size);
    }

    @GET
    @Path("/indicators/{indicatorId}")
    @Operation(summary = "How an indicator's score was made",
            description = "The indicator's entry of the scorecard version (now, or as of an instant), and one page of "
                    + "the measurement events it used, in arrival order: inputEventCount in all, size per page "
                    + "(at most " + ScoreQueries.MAX_PAGE_SIZE + "). An old version lists the events it used then.")
    @APIResponse(responseCode = "200", description = "The indicator's entry and one page of its input events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreQueries.Explanation.class)))
    @APIResponse(responseCode = "404", description = "No score yet for this plan and year, or no such indicator")
    @APIResponse(responseCode = "400", description = "asOf outside the years 1..9999",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "page or size out of range")
    public ScoreQueries.Explanation explain(@PathParam("planId") String planId,
                                            @PathParam("indicatorId") String indicatorId,
                                            @QueryParam("year") Integer year, @QueryParam("asOf") Instant asOf,
                                            @QueryParam("page") @DefaultValue("0") int page,
                                            @QueryParam("size") @DefaultValue("100") int size) {
        checkAsOf(asOf);
        return queries.explain(planId, indicatorId, year, asOf, page, size);
    }

    /** An instant PostgreSQL cannot compare with its timestamps would fail the query. */
    private static void checkAsOf(Instant asOf) {
        if (asOf != null && !Bounds.storable(asOf)) {
            throw invalidParameter("asOf", "asOf '" + asOf + "' is not an instant between the years 1 and 9999");
        }
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw invalidParameter(name, name + " '" + text + "' is not an integer");
        }
    }

    private static ProblemException invalidParameter(String name, String message) {
        return ProblemException.badRequest(message, new FieldError(name, "INVALID_FIELD", message));
    }
}
