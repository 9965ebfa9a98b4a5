package io.planscore.gateway.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals that happen in the HTTP layer, before any resource, answered with problem+json instead of
 * Quarkus' empty bodies: 401 (no, unknown, revoked or unverifiable credential), 403, 413 (a body beyond
 * {@code quarkus.http.limits.max-body-size}), 414 (a path and query beyond {@link #MAX_URI_CHARS}) and 429 (an
 * address with too many failed credentials).
 */
@ApplicationScoped
public class RefusalHandlers {

    /** Before authentication (which would look the key up in the database), after CORS. */
    private static final int BEFORE_AUTHENTICATION = SecurityHandlerPriorities.AUTHENTICATION + 50;
    /** Before Quarkus' own Content-Length check (route order -2), which answers 413 with no body. */
    private static final int BEFORE_BODY_LIMIT = 10;

    /**
     * The longest path and query forwarded: the services read request lines of up to 4,096 bytes (Quarkus'
     * default) and would refuse a longer one with an empty 414. The gateway's own HTTP layer reads lines of up to
     * quarkus.http.limits.max-initial-line-length, far beyond this, so that the refusal is a problem; a line
     * beyond that too is refused by Vert.x with an empty 414 before any route (Quarkus offers no hook there).
     */
    static final int MAX_URI_CHARS = 4_000;

    private final FailedAttempts failedAttempts;
    private final ObjectMapper json;
    private final long maxBodyBytes;

    public RefusalHandlers(FailedAttempts failedAttempts, ObjectMapper json,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.failedAttempts = failedAttempts;
        this.json = json;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void filters(@Observes Filters filters) {
        filters.register(this::refuseBlockedAddress, BEFORE_AUTHENTICATION);
        filters.register(this::refuseTooLarge, BEFORE_BODY_LIMIT);
        filters.register(this::refuseTooLongUri, BEFORE_BODY_LIMIT + 1);
    }

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).failureHandler(this::refuseFailed);
    }

    /**
     * An address with too many failed credentials is refused any credential, valid ones too, until its
     * window lets it try again: telling a valid key apart would need the database the limit protects.
     */
    private void refuseBlockedAddress(RoutingContext context) {
        long retryAfter = presentsCredential(context) ? failedAttempts.retryAfter(addressOf(context)) : 0;
        if (retryAfter == 0) {
            context.next();
            return;
        }
        context.response().putHeader(Refusals.RETRY_AFTER, Long.toString(retryAfter));
        send(context, Refusals.tooManyRequests("Too many failed credentials from this address (at most "
                + failedAttempts.limit() + " per window); every credential from it is refused for "
                + retryAfter + " s."));
    }

    private void refuseTooLarge(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodyBytes) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(context, Refusals.tooLarge(maxBodyBytes));
            return;
        }
        context.next();
    }

    private void refuseTooLongUri(RoutingContext context) {
        if (context.request().uri().length() > MAX_URI_CHARS) {
            send(context, Refusals.uriTooLong(MAX_URI_CHARS));
            return;
        }
        context.next();
    }

    private void refuseFailed(RoutingContext context) {
        Throwable failure = rootCause(context.failure());
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            sendUnauthenticated(context);
        } else if (failure instanceof ForbiddenException) {
            send(context, Refusals.forbidden());
        } else if (context.statusCode() == 413) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(context, Refusals.tooLarge(maxBodyBytes));
        } else {
            context.next();
        }
    }

    /**
     * 401 with both challenges, however authentication failed (a failure, or the challenge of the
     * mechanism); once per request, and a request that presented a credential counts as a failed attempt.
     */
    void sendUnauthenticated(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        if (presentsCredential(context)) {
            failedAttempts.failed(addressOf(context));
        }
        Refusals.CHALLENGES.forEach(challenge -> context.response().headers().add("WWW-Authenticate", challenge));
        send(context, Refusals.unauthenticated());
    }

    static boolean presentsCredential(RoutingContext context) {
        String key = context.request().getHeader(ApiKeyAuthenticationMechanism.HEADER);
        return (key != null && !key.isBlank()) || context.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    /** The client's address: the peer's, or the one a trusted proxy forwarded (quarkus.http.proxy.*). */
    static String addressOf(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof AuthenticationFailedException) && !(cause instanceof ForbiddenException)
                && !(cause instanceof UnauthorizedException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void send(RoutingContext context, Problem problem) {
        if (context.response().ended()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem.at(context.request().path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is plain data", e);
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
