package io.planscore.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.gateway.proxy.Upstream;
import io.planscore.gateway.proxy.UpstreamClient;
import io.planscore.gateway.security.ApiKey;
import io.planscore.gateway.security.ApiKeyAudit;
import io.planscore.gateway.security.ApiKeyService;
import io.planscore.gateway.security.Caller;
import io.planscore.gateway.security.Page;
import io.planscore.gateway.security.Role;
import io.planscore.platform.problem.Bounds;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Per-agency API keys: issued by an administrator, shown once, stored hashed, revocable at once; every
 * key listed with its role and agency, every issue and revocation audited.
 */
@Path("/api/v1")
@RolesAllowed(Role.ADMIN)
@Tag(name = "API keys", description = "Credentials for agencies' systems and dashboards, and their audit trail")
public class ApiKeysApi {

    private static final int MAX_PAGE_SIZE = 500;
    private static final String KEY_EXAMPLE = """
            {"id": "3f1c9a4e-8b2d-4c6e-9f0a-1b2c3d4e5f60", "name": "statistics office uploader", "role": "agency",
             "agencyId": "9f3e2c1a-5d4b-4c3e-9a8f-1b2c3d4e5f60", "createdAt": "2026-03-02T08:15:00Z",
             "createdBy": "key:0b6c3c2e-4a51-4f7e-9d55-8f1f3f0c2a10", "lastUsedAt": null, "revokedAt": null}""";

    private final ApiKeyService keys;
    private final UpstreamClient upstream;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public ApiKeysApi(ApiKeyService keys, UpstreamClient upstream, SecurityIdentity identity, ObjectMapper json) {
        this.keys = keys;
        this.upstream = upstream;
        this.identity = identity;
        this.json = json;
    }

    /** The longest name a key may be given. */
    static final int MAX_NAME_LENGTH = 200;

    public record NewKey(String name, Role role) {
    }

    public record KeyView(UUID id, String name, Role role, String agencyId, Instant createdAt, String createdBy,
                          Instant lastUsedAt, Instant revokedAt, String secret) {
        static KeyView of(ApiKey key, String secret) {
            return new KeyView(key.id, key.name, key.role, key.agencyId, key.createdAt, key.createdBy,
                    key.lastUsedAt, key.revokedAt, secret);
        }
    }

    public record AuditView(long id, Instant at, String actor, ApiKeyAudit.Action action, UUID keyId, String keyName,
                            Role role, String agencyId) {
        static AuditView of(ApiKeyAudit entry) {
            return new AuditView(entry.id, entry.at, entry.actor, entry.action, entry.keyId, entry.keyName, entry.role,
                    entry.agencyId);
        }
    }

    @POST
    @Path("/agencies/{agencyId}/api-keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API key for an agency", description = """
            `role` is `agency` (posts measurements for the agency's own plans; the default) or `viewer` (read-only,
            e.g. a dashboard). The secret is in this response only; it is stored as a hash. The key is stored under
            the agency's canonical id (lower case, as plans-service has it), listed under the agency whatever its
            role, and the issue is audited with the caller's principal.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "agency system",
            value = "{\"name\": \"statistics office uploader\", \"role\": \"agency\"}")))
    @APIResponse(responseCode = "201", description = "The key, with its `secret`")
    @APIResponse(responseCode = "404", description = "No such agency")
    @APIResponse(responseCode = "422", description = "`role` is `admin` (admin keys are not issued per agency), or "
            + "`name` holds U+0000 or is longer than " + MAX_NAME_LENGTH + " characters")
    public Response issue(@PathParam("agencyId") String agencyId, NewKey request) {
        Role role = request == null || request.role() == null ? Role.agency : request.role();
        if (role == Role.admin) {
            throw ProblemException.invalid(new FieldError("role", "INVALID_ROLE",
                    "An agency key is 'agency' or 'viewer'; admin keys are not issued per agency."));
        }
        List<FieldError> errors = new ArrayList<>();
        Bounds.checkText("name", request == null ? null : request.name(), MAX_NAME_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.get(0));
        }
        Caller caller = Caller.of(identity);
        String name = request == null || request.name() == null || request.name().isBlank() ? role + " key" : request.name();
        ApiKeyService.IssuedKey issued = keys.issue(name, role, existingAgency(agencyId, caller), caller.principal());
        return Response.created(URI.create("/api/v1/api-keys/" + issued.key().id))
                .entity(KeyView.of(issued.key(), issued.secret())).build();
    }

    /** The agency's id as plans-service has it, so that the key compares equal to its plans' agency. */
    private String existingAgency(String agencyId, Caller caller) {
        // one path segment, encoded again: the decoded id may hold a space, a quote or "../"
        String segment = URLEncoder.encode(agencyId, StandardCharsets.UTF_8).replace("+", "%20");
        UpstreamClient.Fetched agency = upstream.get(Upstream.PLANS, "/api/v1/agencies/" + segment, caller);
        if (agency.status() == 404) {
            throw ProblemException.notFound("Agency", agencyId);
        }
        try {
            JsonNode id = json.readTree(agency.body()).path("id");
            return id.isTextual() ? id.asText() : agencyId;
        } catch (IOException notJson) {
            return agencyId;
        }
    }

    @GET
    @Path("/agencies/{agencyId}/api-keys")
    @Operation(summary = "List an agency's API keys", description = """
            Agency and viewer keys alike, oldest first; without secrets; with last use and revocation times.""")
    @APIResponse(responseCode = "200", description = "A JSON array of keys", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one key", value = "[" + KEY_EXAMPLE + "]")))
    public List<KeyView> listForAgency(@PathParam("agencyId") String agencyId) {
        return keys.listForAgency(agencyId).stream().map(key -> KeyView.of(key, null)).toList();
    }

    @GET
    @Path("/api-keys")
    @Operation(summary = "List every API key", description = """
            Every key (administrator, agency and viewer keys, revoked ones too) with its role and agency, oldest
            first, without secrets: `{items, page, size, total}`. Filter by `agencyId` and `role`.""")
    @APIResponse(responseCode = "200", description = "One page of keys", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a page",
            value = "{\"items\": [" + KEY_EXAMPLE + "], \"page\": 0, \"size\": 100, \"total\": 1}")))
    @APIResponse(responseCode = "400", description = "An unknown role, page < 0 or size outside 1..500 (problem+json naming the parameter)")
    public Page<KeyView> list(@Parameter(description = "Only this agency's keys") @QueryParam("agencyId") String agencyId,
                              @Parameter(description = "`admin`, `agency` or `viewer`",
                                      schema = @Schema(enumeration = {"admin", "agency", "viewer"})) @QueryParam("role") String role,
                              @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                              @Parameter(description = "keys per page, 1..500", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) @QueryParam("size") String size) {
        return keys.list(agencyId, role(role), Paging.page(page), Paging.size(size, 100, MAX_PAGE_SIZE))
                .map(key -> KeyView.of(key, null));
    }

    @GET
    @Path("/api-keys/audit")
    @Operation(summary = "The API keys' audit trail", description = """
            Every issue and revocation of a key, newest first: when (`at`), who (`actor`: the administrator's
            principal, `key:{keyId}` or `jwt:{name}`; `bootstrap` for the first administrator key), `action`
            (`issued` or `revoked`) and what (`keyId`, `keyName`, `role`, `agencyId`). `{items, page, size, total}`;
            filter by `keyId` or `agencyId`. Revoking a revoked key changes nothing and is not recorded again.""")
    @APIResponse(responseCode = "200", description = "One page of the trail", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "an issue", value = """
            {"items": [{"id": 7, "at": "2026-03-02T08:15:00Z", "actor": "key:0b6c3c2e-4a51-4f7e-9d55-8f1f3f0c2a10",
             "action": "issued", "keyId": "3f1c9a4e-8b2d-4c6e-9f0a-1b2c3d4e5f60", "keyName": "statistics office uploader",
             "role": "agency", "agencyId": "9f3e2c1a-5d4b-4c3e-9a8f-1b2c3d4e5f60"}], "page": 0, "size": 100, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "keyId not a UUID, page < 0 or size outside 1..500 (problem+json naming the parameter)")
    public Page<AuditView> audit(@Parameter(description = "Only this key") @QueryParam("keyId") String keyId,
                                 @Parameter(description = "Only this agency's keys") @QueryParam("agencyId") String agencyId,
                                 @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
                                 @Parameter(description = "entries per page, 1..500", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) @QueryParam("size") String size) {
        return keys.audit(keyId(keyId), agencyId, Paging.page(page), Paging.size(size, 100, MAX_PAGE_SIZE))
                .map(AuditView::of);
    }

    @DELETE
    @Path("/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once; the revocation is audited.")
    @APIResponse(responseCode = "200", description = "The key, with `revokedAt`")
    @APIResponse(responseCode = "404", description = "No such key")
    public KeyView revoke(@PathParam("keyId") UUID keyId) {
        return KeyView.of(keys.revoke(keyId, Caller.of(identity).principal()), null);
    }

    private static Role role(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Role.valueOf(text);
        } catch (IllegalArgumentException unknown) {
            String message = "role must be admin, agency or viewer, not '" + text + "'";
            throw ProblemException.badRequest(message, new FieldError("role", "INVALID_FIELD", message));
        }
    }

    private static UUID keyId(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notUuid) {
            String message = "keyId must be a key's id (a UUID), not '" + text + "'";
            throw ProblemException.badRequest(message, new FieldError("keyId", "INVALID_FIELD", message));
        }
    }
}
