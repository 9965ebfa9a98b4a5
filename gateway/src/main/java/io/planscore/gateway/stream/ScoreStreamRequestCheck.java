package io.planscore.gateway.stream;

import io.planscore.gateway.security.Role;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.regex.Pattern;

/**
 * Refuses a stream request before it becomes an event stream (once it is one, an error can only close
 * it): without {@code planId} or {@code agencyId} the stream carries every plan and is for
 * administrators (403); a {@code Last-Event-ID} must be an id the stream has sent (400), since any other
 * value would replay or skip history.
 */
public class ScoreStreamRequestCheck {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** An event id as the stream sends it: a positive decimal number, nothing around it. */
    private static final Pattern EVENT_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final ScoreUpdateLog log;
    private final SecurityIdentity identity;

    public ScoreStreamRequestCheck(ScoreUpdateLog log, SecurityIdentity identity) {
        this.log = log;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void check(SimpleResourceInfo resource, ContainerRequestContext request) {
        if (resource.getResourceClass() != ScoreStreamApi.class) {
            return;
        }
        var query = request.getUriInfo().getQueryParameters();
        if (!query.containsKey("planId") && !query.containsKey("agencyId") && !identity.hasRole(Role.ADMIN)) {
            throw ProblemException.forbidden("A stream of every plan is for administrators: give planId or agencyId.");
        }
        String lastEventId = request.getHeaderString(LAST_EVENT_ID);
        if (lastEventId != null && !isSentId(lastEventId)) {
            throw ProblemException.badRequest("Last-Event-ID must be the id of an event this stream has sent.",
                    new FieldError(LAST_EVENT_ID, "INVALID_EVENT_ID", "'" + lastEventId
                            + "' is not an event id of this stream; reconnect without it to start afresh."));
        }
    }

    private boolean isSentId(String lastEventId) {
        return EVENT_ID.matcher(lastEventId).matches() && Long.parseLong(lastEventId) <= log.latestId();
    }
}
