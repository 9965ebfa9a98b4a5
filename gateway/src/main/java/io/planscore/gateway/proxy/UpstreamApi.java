package io.planscore.gateway.proxy;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * Any request to an internal service, as the gateway forwards it: the target is the service's base URL with the
 * public request's raw path and query (already encoded, so passed whole as the {@link Url}: path and query
 * parameters would be encoded again), the identity signed for that service, the caller's Content-Type and Accept,
 * and the body as bytes. The answer is the service's, whatever its status (the default exception mapper is off).
 */
public interface UpstreamApi {

    @GET
    CompletionStage<Response> get(@Url String target, @HeaderParam(HttpHeaders.AUTHORIZATION) String identity,
                                  @HeaderParam(HttpHeaders.ACCEPT) String accept);

    @HEAD
    CompletionStage<Response> head(@Url String target, @HeaderParam(HttpHeaders.AUTHORIZATION) String identity,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept);

    @DELETE
    CompletionStage<Response> delete(@Url String target, @HeaderParam(HttpHeaders.AUTHORIZATION) String identity,
                                     @HeaderParam(HttpHeaders.ACCEPT) String accept);

    @POST
    CompletionStage<Response> post(@Url String target, @HeaderParam(HttpHeaders.AUTHORIZATION) String identity,
                                   @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body);

    @PUT
    CompletionStage<Response> put(@Url String target, @HeaderParam(HttpHeaders.AUTHORIZATION) String identity,
                                  @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body);

    /** The request by its method's name; only the methods the public API forwards. */
    default CompletionStage<Response> send(String method, String target, String identity, String accept,
                                           String contentType, byte[] body) {
        return switch (method) {
            case "GET" -> get(target, identity, accept);
            case "HEAD" -> head(target, identity, accept);
            case "DELETE" -> delete(target, identity, accept);
            case "POST" -> post(target, identity, accept, contentType, body);
            case "PUT" -> put(target, identity, accept, contentType, body);
            default -> throw new IllegalArgumentException("Not a forwarded method: " + method);
        };
    }
}
