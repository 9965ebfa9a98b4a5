package io.planscore.scoring.rest;

import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.service.ScoreRebuild;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Rebuild jobs: verify every score against the stored inputs; the gateway allows it to administrators only. */
@Path("/api/v1/scores/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Scorecards, their history and explanations, administrators' inputs, rebuilds")
public class RebuildResource {

    private final ScoreRebuild rebuild;

    public RebuildResource(ScoreRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Start a rebuild job", description = """
            Recomputes every plan-year from the stored inputs as of now and compares it with the live scorecard of
            that moment; where one differs, a new live version (trigger `rebuild`) is appended after all plans are
            verified. Poll the job at the Location.""")
    @APIResponse(responseCode = "202", description = "Queued; Location names the job", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreRebuild.JobView.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already queued or running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Context UriInfo uri) {
        ScoreRebuild.JobView job = rebuild.start();
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.jobId().toString()).build())
                .build();
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A rebuild job", description = """
            state QUEUED, RUNNING, SUCCEEDED, FAILED or INTERRUPTED (its process stopped); progress (0..1 of the
            plans verified), inputs replayed, plan-years compared, `identical` and `differingPlanYears` once done.""")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreRebuild.JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job")
    @APIResponse(responseCode = "400", description = "jobId is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreRebuild.JobView job(@PathParam("jobId") String jobId) {
        return rebuild.job(uuid(jobId));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            String message = "jobId '" + text + "' is not a UUID";
            throw ProblemException.badRequest(message, new FieldError("jobId", "INVALID_FIELD", message));
        }
    }
}
