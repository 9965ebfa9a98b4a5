package io.planscore.gateway.proxy;

import io.planscore.gateway.security.Caller;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.security.IdentitySigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Forwards an authenticated public request to the internal service that owns it, unchanged in path,
 * query and body, with who the caller is as a short-lived identity signed for that service (the services
 * check it and apply the role rules themselves).
 * Non-blocking: the JDK client's async API, so a slow upstream holds no thread.
 */
@ApplicationScoped
public class UpstreamClient {


    private static final Logger LOG = Logger.getLogger(UpstreamClient.class);
    private static final List<String> FORWARDED_RESPONSE_HEADERS =
            List.of("Content-Type", "Location", "Content-Disposition");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final UpstreamConfig config;
    private final IdentitySigner signer;

    public UpstreamClient(UpstreamConfig config, IdentitySigner signer) {
        this.config = config;
        this.signer = signer;
    }

    public CompletionStage<Response> forward(Upstream upstream, String method, UriInfo uri, HttpHeaders headers,
                                             Caller caller, byte[] body) {
        URI target = config.baseOf(upstream).resolve(uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.timeout())
                .header(HttpHeaders.AUTHORIZATION, identity(upstream, caller))
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        copy(headers, request, HttpHeaders.CONTENT_TYPE);
        copy(headers, request, HttpHeaders.ACCEPT);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(UpstreamClient::toResponse)
                .exceptionally(failure -> unavailable(upstream, failure));
    }

    private String identity(Upstream upstream, Caller caller) {
        return "Bearer " + signer.sign(caller.identity(), upstream.serviceName());
    }

    private static void copy(HttpHeaders from, HttpRequest.Builder to, String name) {
        String value = from.getHeaderString(name);
        if (value != null) {
            to.header(name, value);
        }
    }

    /** What a GET of an internal path answered. */
    public record Fetched(int status, byte[] body) {
    }

    /** A GET of an internal path, as the caller (for existence checks and canonical ids). */
    public CompletionStage<Fetched> get(Upstream upstream, String path, Caller caller) {
        HttpRequest request = HttpRequest.newBuilder(config.baseOf(upstream).resolve(path))
                .timeout(config.timeout())
                .header(HttpHeaders.AUTHORIZATION, identity(upstream, caller))
                .header(HttpHeaders.ACCEPT, "application/json")
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Fetched(response.statusCode(), response.body()));
    }

    private static Response toResponse(HttpResponse<byte[]> upstream) {
        Response.ResponseBuilder response = Response.status(upstream.statusCode()).entity(upstream.body());
        for (String name : FORWARDED_RESPONSE_HEADERS) {
            upstream.headers().firstValue(name).ifPresent(value -> response.header(name,
                    name.equals("Location") ? publicLocation(value) : value));
        }
        return response.build();
    }

    /** The upstream's absolute Location names an internal host; clients get the path only. */
    private static String publicLocation(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Response unavailable(Upstream upstream, Throwable failure) {
        LOG.warnf("%s is unreachable: %s", upstream, failure.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(503, "upstream-unavailable", "Service unavailable",
                        "The " + upstream.name().toLowerCase() + " service cannot be reached; retry shortly.", List.of()))
                .build();
    }
}
