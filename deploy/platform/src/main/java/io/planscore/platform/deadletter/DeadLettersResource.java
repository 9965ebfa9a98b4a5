package io.planscore.platform.deadletter;

import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.planscore.platform.security.CurrentCaller;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dead letters of this service's consumers, for administrators (the gateway routes
 * {@code /api/v1/admin/dead-letters} here by the topic's {@code .dlq.<service>} suffix). Present in a service
 * that sets {@code planscore.dead-letters.api=true} at build time: the services with consumers.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Records a consumer gave up on, and their redrive")
@IfBuildProperty(name = "planscore.dead-letters.api", stringValue = "true")
public class DeadLettersResource {

    static final String LISTING_EXAMPLE = """
            {"page": 0, "size": 20, "topics": [{"topic": "measurements.recorded.v1.dlq.scoring-service",
              "originalTopic": "measurements.recorded.v1", "service": "scoring-service", "total": 1, "redriven": 0,
              "pending": 1, "records": [{"partition": 0, "offset": 0, "timestamp": "2026-03-02T08:15:00Z",
              "key": "5f0c…", "originalTopic": "measurements.recorded.v1", "originalPartition": 2,
              "originalOffset": 1184, "reason": "Transient failure on channel measurements that outlasted every retry: …",
              "cause": "…", "redriven": false, "valueBytes": 612, "value": "{\\"eventId\\": \\"7d1c…\\", …}",
              "valueTruncated": false}]}]}""";
    static final String REDRIVE_EXAMPLE = """
            {"topic": "measurements.recorded.v1.dlq.scoring-service", "originalTopic": "measurements.recorded.v1",
             "resent": 1, "redriven": 1, "total": 1}""";

    private final DeadLetters deadLetters;
    private final CurrentCaller caller;

    public DeadLettersResource(DeadLetters deadLetters, CurrentCaller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @Blocking
    @Operation(summary = "The dead letters of this service's consumers, one page per dead-letter topic")
    @APIResponse(responseCode = "200", description = "One page of each topic (or of `topic` only)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadLetterViews.Listing.class),
                    examples = @ExampleObject(name = "one dead letter", value = LISTING_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "page < 0 or size outside 1..100 (problem+json)")
    @APIResponse(responseCode = "404", description = "`topic` is not a dead-letter topic of this service")
    public DeadLetterViews.Listing list(
            @Parameter(description = "Only this dead-letter topic") @QueryParam("topic") String topic,
            @Parameter(description = "0-based page, default 0") @QueryParam("page") Integer page,
            @Parameter(description = "Records per topic and page, 1..100, default 20") @QueryParam("size") Integer size) {
        requireAdmin();
        return deadLetters.list(topic, page, size);
    }

    @POST
    @Path("/{topic}/redrive")
    @Blocking
    @Operation(summary = "Send a dead-letter topic's records back to their original topic", description = """
            Re-publishes every dead letter not re-driven before to the topic it came from, with its key and value
            (so its eventId) unchanged, and records how far it got: calling it again sends only what was
            dead-lettered since. The consumers are idempotent on eventId, so a record that was processed after
            all changes nothing. Fix the cause first (see each record's `reason`).""")
    @APIResponse(responseCode = "200", description = "Re-driven",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeadLetterViews.Redrive.class),
                    examples = @ExampleObject(name = "one record re-driven", value = REDRIVE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Not a dead-letter topic of this service (problem+json)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not answer, or the topic could not be read to its "
            + "end in time; what was re-driven is recorded, call again (problem+json)")
    public DeadLetterViews.Redrive redrive(@PathParam("topic") String topic) {
        requireAdmin();
        return deadLetters.redrive(topic);
    }

    private void requireAdmin() {
        if (!caller.get().isAdmin()) {
            throw ProblemException.forbidden("Only administrators may read or re-drive dead letters.");
        }
    }
}
