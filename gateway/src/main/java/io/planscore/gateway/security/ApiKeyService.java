package io.planscore.gateway.security;

import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, verifies and revokes API keys. Secrets are 32 random bytes; a SHA-256 hash is enough to
 * store them (unlike passwords they carry full entropy, so no slow hash is needed).
 */
@ApplicationScoped
public class ApiKeyService {

    /** Refresh {@code last_used_at} at most this often per key, not on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final String SECRET_PREFIX = "psk_";

    private final SecureRandom random = new SecureRandom();

    public record IssuedKey(ApiKey key, String secret) {
    }

    /**
     * A new key. An agency key acts for {@code agencyId}; a viewer key only reads, and keeps the agency it
     * was issued for so that it is listed (and audited) under it.
     */
    @Transactional
    public IssuedKey issue(String name, Role role, String agencyId, String createdBy) {
        if (role == Role.agency && (agencyId == null || agencyId.isBlank())) {
            throw ProblemException.badRequest("An agency key needs an agency.", null);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new IssuedKey(store(name, role, agencyId, secret, createdBy), secret);
    }

    /** Registers a secret chosen elsewhere (the bootstrap admin key), unless it is known already. */
    @Transactional
    public boolean register(String name, Role role, String secret, String createdBy) {
        if (ApiKey.count("secretHash", hash(secret)) > 0) {
            return false;
        }
        store(name, role, null, secret, createdBy);
        return true;
    }

    private ApiKey store(String name, Role role, String agencyId, String secret, String createdBy) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = name;
        key.role = role;
        key.agencyId = role == Role.admin ? null : Ids.canonical(agencyId);
        key.secretHash = hash(secret);
        key.createdAt = Instant.now();
        key.createdBy = createdBy;
        key.persist();
        ApiKeyAudit.of(ApiKeyAudit.Action.issued, key, createdBy, key.createdAt).persist();
        return key;
    }

    /** The active key with this secret, marking it used. */
    @Transactional
    public Optional<ApiKey> verify(String secret) {
        Optional<ApiKey> key = ApiKey.<ApiKey>find("secretHash", hash(secret)).firstResultOptional()
                .filter(ApiKey::active);
        key.ifPresent(k -> {
            Instant now = Instant.now();
            if (k.lastUsedAt == null || k.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
                k.lastUsedAt = now;
            }
        });
        return key;
    }

    /** Every key of an agency, agency and viewer keys alike, oldest first. */
    @Transactional
    public List<ApiKey> listForAgency(String agencyId) {
        return ApiKey.list("agencyId = ?1 ORDER BY createdAt, id", Ids.canonical(agencyId));
    }

    /** Every key, oldest first, optionally only an agency's and only of a role. */
    @Transactional
    public Page<ApiKey> list(String agencyId, Role role, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (agencyId != null) {
            where.append(" AND agencyId = :agencyId");
            parameters.put("agencyId", Ids.canonical(agencyId));
        }
        if (role != null) {
            where.append(" AND role = :role");
            parameters.put("role", role);
        }
        var query = ApiKey.<ApiKey>find(where + " ORDER BY createdAt, id", parameters);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** The audit trail, newest first, optionally of one key or of an agency's keys. */
    @Transactional
    public Page<ApiKeyAudit> audit(UUID keyId, String agencyId, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (keyId != null) {
            where.append(" AND keyId = :keyId");
            parameters.put("keyId", keyId);
        }
        if (agencyId != null) {
            where.append(" AND agencyId = :agencyId");
            parameters.put("agencyId", Ids.canonical(agencyId));
        }
        var query = ApiKeyAudit.<ApiKeyAudit>find(where + " ORDER BY id DESC", parameters);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }

    /** Revokes a key (audited once: revoking a revoked key changes nothing). */
    @Transactional
    public ApiKey revoke(UUID id, String revokedBy) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("API key", id.toString()));
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            ApiKeyAudit.of(ApiKeyAudit.Action.revoked, key, revokedBy, key.revokedAt).persist();
        }
        return key;
    }

    @Transactional
    public boolean hasActiveAdminKey() {
        return ApiKey.count("role = ?1 AND revokedAt IS NULL", Role.admin) > 0;
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
