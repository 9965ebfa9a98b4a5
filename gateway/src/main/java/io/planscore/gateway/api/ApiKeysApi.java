package io.planscore.gateway.api;

import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.proxy.UpstreamClient;
import io.planscore.gateway.security.ApiKey;
import io.planscore.gateway.security.ApiKeyService;
import io.planscore.gateway.security.Caller;
import io.planscore.gateway.security.Role;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Per-agency API keys: issued by an administrator, shown once, stored hashed, revocable at once. */
@Path("/api/v1")
@RolesAllowed(Role.ADMIN)
@Tag(name = "API keys", description = "Credentials for agencies' systems and dashboards")
public class ApiKeysApi {

    private final ApiKeyService keys;
    private final UpstreamClient upstream;
    private final SecurityIdentity identity;

    public ApiKeysApi(ApiKeyService keys, UpstreamClient upstream, SecurityIdentity identity) {
        this.keys = keys;
        this.upstream = upstream;
        this.identity = identity;
    }

    public record NewKey(String name, Role role) {
    }

    public record KeyView(UUID id, String name, Role role, String agencyId, Instant createdAt, String createdBy,
                          Instant lastUsedAt, Instant revokedAt, String secret) {
        static KeyView of(ApiKey key, String secret) {
            return new KeyView(key.id, key.name, key.role, key.agencyId, key.createdAt, key.createdBy,
                    key.lastUsedAt, key.revokedAt, secret);
        }
    }

    @POST
    @Path("/agencies/{agencyId}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for an agency", description = """
            `role` is `agency` (posts measurements for the agency's own plans; the default) or `viewer` (read-only,
            e.g. a dashboard). The secret is in this response only; it is stored as a hash.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "agency system",
            value = "{\"name\": \"statistics office uploader\", \"role\": \"agency\"}")))
    @APIResponse(responseCode = "201", description = "The key, with its `secret`")
    @APIResponse(responseCode = "404", description = "No such agency")
    public Response issue(@PathParam("agencyId") String agencyId, NewKey request) {
        Role role = request == null || request.role() == null ? Role.agency : request.role();
        if (role == Role.admin) {
            throw ProblemException.invalid(new FieldError("role", "INVALID_ROLE",
                    "An agency key is 'agency' or 'viewer'; admin keys are not issued per agency."));
        }
        Caller caller = Caller.of(identity);
        int status = upstream.status(Upstream.PLANS, "/api/v1/agencies/" + agencyId, caller).toCompletableFuture().join();
        if (status == 404) {
            throw ProblemException.notFound("Agency", agencyId);
        }
        String name = request == null || request.name() == null || request.name().isBlank() ? role + " key" : request.name();
        ApiKeyService.IssuedKey issued = keys.issue(name, role, agencyId, caller.principal());
        return Response.created(URI.create("/api/v1/api-keys/" + issued.key().id))
                .entity(KeyView.of(issued.key(), issued.secret())).build();
    }

    @GET
    @Path("/agencies/{agencyId}/api-keys")
    @Operation(summary = "List an agency's API keys", description = "Without secrets; with last use and revocation times.")
    public List<KeyView> list(@PathParam("agencyId") String agencyId) {
        return keys.listForAgency(agencyId).stream().map(key -> KeyView.of(key, null)).toList();
    }

    @DELETE
    @Path("/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once.")
    public KeyView revoke(@PathParam("keyId") UUID keyId) {
        return KeyView.of(keys.revoke(keyId), null);
    }
}
