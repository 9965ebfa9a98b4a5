package io.planscore.gateway.stream;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Live score updates as Server-Sent Events. */
@Path("/api/v1/scores/stream")
@Authenticated
@Tag(name = "Scores")
public class ScoreStreamApi {

    private final ScoreStreamHub hub;

    public ScoreStreamApi(ScoreStreamHub hub) {
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Subscribe to live score updates", description = """
            On connect, the current scorecards (the latest update of each matching plan-year); then one
            `score-updated` event (data: the ScoreUpdated payload, with the full scorecard) per change. Event ids
            are durable and the same on every gateway replica: reconnecting with `Last-Event-ID` (to any replica)
            delivers exactly what was missed, also across gateway restarts. Catch-ups are sent in pages, each
            once the client has taken the previous one. A comment line every 15 s keeps proxies open. A client
            that falls too far behind receives a `resync` event (data: `lastEventId`, the last id it was sent)
            and is closed; it should reconnect with its last event id. Without `planId` or `agencyId` the stream
            carries every plan: administrators only.""")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "400", description = "`Last-Event-ID` is not an id this stream has sent")
    @APIResponse(responseCode = "403", description = "No `planId` or `agencyId`, and the caller is not an administrator")
    public void subscribe(@Parameter(description = "Only this plan") @QueryParam("planId") String planId,
                          @Parameter(description = "Only this agency's plans") @QueryParam("agencyId") String agencyId,
                          @Parameter(description = "The id of the last event received; resumes right after it")
                          @HeaderParam(ScoreStreamRequestCheck.LAST_EVENT_ID) String lastEventId,
                          @Context SseEventSink sink, @Context Sse sse) {
        // checked by ScoreStreamRequestCheck before the stream opens
        hub.subscribe(sink, sse, planId, agencyId, lastEventId == null ? null : Long.valueOf(lastEventId));
    }
}
