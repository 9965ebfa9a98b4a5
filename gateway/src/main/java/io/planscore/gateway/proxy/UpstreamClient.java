package io.planscore.gateway.proxy;

import io.planscore.gateway.security.Caller;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.security.IdentitySigner;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Forwards an authenticated public request to the internal service that owns it, unchanged in path,
 * query and body, with who the caller is as a short-lived identity signed for that service (the services
 * check it and apply the role rules themselves). One REST client per service, each call guarded by
 * {@link UpstreamGuards}; what the guards refuse is answered as problem+json naming the service.
 * Non-blocking: a slow upstream holds no thread.
 */
@ApplicationScoped
public class UpstreamClient {

    private static final Logger LOG = Logger.getLogger(UpstreamClient.class);
    private static final List<String> FORWARDED_RESPONSE_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, "Content-Disposition", "X-Total-Count");
    /** A service that does not even accept the connection within this is down: fail (and retry a read) at once. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final int BUSY_RETRY_AFTER_SECONDS = 1;

    private final Map<Upstream, UpstreamApi> apis = new EnumMap<>(Upstream.class);
    private final UpstreamConfig config;
    private final UpstreamGuards guards;
    private final IdentitySigner signer;

    public UpstreamClient(UpstreamConfig config, UpstreamGuards guards, IdentitySigner signer) {
        this.config = config;
        this.guards = guards;
        this.signer = signer;
        // the routes' timeouts decide when to give up; the client's own read timeout only must not come first
        Duration longest = Stream.of(Route.values()).map(route -> route.timeout(config.timeout()))
                .max(Duration::compareTo).orElseThrow().plus(CONNECT_TIMEOUT);
        for (Upstream upstream : Upstream.values()) {
            apis.put(upstream, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(config.baseOf(upstream))
                    .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(longest.toMillis(), TimeUnit.MILLISECONDS)
                    .followRedirects(false)
                    .disableDefaultMapper(true)
                    .build(UpstreamApi.class));
        }
    }

    public CompletionStage<Response> forward(Upstream upstream, Route route, String method, UriInfo uri,
                                             HttpHeaders headers, Caller caller, byte[] body) {
        URI request = uri.getRequestUri();
        String target = target(upstream, request.getRawPath()
                + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery()));
        String identity = identity(upstream, caller);
        // read now: a retry or a queued call runs after this request's context has moved on
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        byte[] entity = body == null || body.length == 0 ? null : body;
        boolean read = method.equals("GET") || method.equals("HEAD");
        return guards.call(upstream, route, read,
                        () -> apis.get(upstream).send(method, target, identity, accept, contentType, entity))
                .thenApply(UpstreamClient::toResponse)
                .exceptionally(failure -> refusal(upstream, route, failure));
    }

    /** What a GET of an internal path answered. */
    public record Fetched(int status, byte[] body) {
    }

    /**
     * A GET of an internal path, as the caller (for existence checks and canonical ids), through the same guards
     * as a forwarded read. Blocking; a service that cannot answer is {@link UpstreamRefusedException}.
     */
    public Fetched get(Upstream upstream, String path, Caller caller) {
        String target = target(upstream, path);
        String identity = identity(upstream, caller);
        try {
            Response response = guards.call(upstream, Route.STANDARD, true,
                    () -> apis.get(upstream).get(target, identity, MediaType.APPLICATION_JSON)).toCompletableFuture().join();
            return new Fetched(response.getStatus(), body(response));
        } catch (CompletionException failure) {
            throw new UpstreamRefusedException(refusal(upstream, Route.STANDARD, failure));
        }
    }

    private String target(Upstream upstream, String rawPathAndQuery) {
        return config.baseOf(upstream).resolve(rawPathAndQuery).toString();
    }

    private String identity(Upstream upstream, Caller caller) {
        return "Bearer " + signer.sign(caller.identity(), upstream.serviceName());
    }

    private static Response toResponse(Response upstream) {
        Response.ResponseBuilder response = Response.status(upstream.getStatus()).entity(body(upstream));
        for (String name : FORWARDED_RESPONSE_HEADERS) {
            String value = upstream.getHeaderString(name);
            if (value != null) {
                response.header(name, name.equals(HttpHeaders.LOCATION) ? publicLocation(value) : value);
            }
        }
        return response.build();
    }

    private static byte[] body(Response response) {
        return response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
    }

    /** The upstream's absolute Location names an internal host; clients get the path only. */
    private static String publicLocation(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Why the service's answer could not be had, as the caller is told it. */
    private Response refusal(Upstream upstream, Route route, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String service = upstream.serviceName();
        if (cause instanceof CircuitBreakerOpenException) {
            return problem(503, "upstream-unavailable", "Service unavailable", "The " + service + " has been failing; "
                    + "it is not called for " + UpstreamGuards.OPEN_SECONDS + " s. Retry after that.", UpstreamGuards.OPEN_SECONDS);
        }
        if (cause instanceof BulkheadException) {
            return problem(503, "upstream-busy", "Service busy", "The " + service + " is already handling as many "
                    + "of these requests as it takes at once; retry shortly.", BUSY_RETRY_AFTER_SECONDS);
        }
        if (cause instanceof TimeoutException) {
            LOG.warnf("%s did not answer within %s", service, route.timeout(config.timeout()));
            return problem(504, "upstream-timeout", "Service timeout", "The " + service + " did not answer within "
                    + route.timeout(config.timeout()).toSeconds() + " s; it may still complete the request.", null);
        }
        LOG.warnf("%s is unreachable: %s", service, cause.toString());
        return problem(503, "upstream-unavailable", "Service unavailable",
                "The " + service + " cannot be reached; retry shortly.", null);
    }

    private static Response problem(int status, String type, String title, String detail, Integer retryAfterSeconds) {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, type, title, detail, List.of()));
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return response.build();
    }
}
