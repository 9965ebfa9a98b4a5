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
            On connect, the current scorecards; then one `score-updated` event (data: the ScoreUpdated payload, with the
            full scorecard) per change. Event ids are durable: reconnecting with `Last-Event-ID` delivers exactly what
            was missed, also across gateway restarts. A comment line every 15 s keeps proxies open. A client that falls
            too far behind receives a `resync` event and is closed; it should reconnect with its last event id.""")
    public void subscribe(@Parameter(description = "Only this plan") @QueryParam("planId") String planId,
                          @Parameter(description = "Only this agency's plans") @QueryParam("agencyId") String agencyId,
                          @HeaderParam("Last-Event-ID") Long lastEventId,
                          @Context SseEventSink sink, @Context Sse sse) {
        hub.subscribe(sink, sse, planId, agencyId, lastEventId);
    }
}
