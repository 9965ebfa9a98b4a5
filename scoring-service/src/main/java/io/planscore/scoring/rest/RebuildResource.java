package io.planscore.scoring.rest;

import io.planscore.scoring.service.ScoreRebuild;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Replays the stored inputs into fresh score tables; the gateway allows it to administrators only. */
@Path("/api/v1/scores/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final ScoreRebuild rebuild;

    public RebuildResource(ScoreRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Recompute every score from the event history",
            description = "Switches to the rebuilt scores when complete; the report says whether they equal the live ones.")
    public ScoreRebuild.Report rebuild() {
        return rebuild.rebuild();
    }
}
