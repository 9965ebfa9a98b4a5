package io.planscore.gateway.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One issue or revocation of an API key: who did it, when, and what the key was. Never changed. */
@Entity
@Table(name = "api_key_audit")
public class ApiKeyAudit extends PanacheEntityBase {

    public enum Action {
        issued, revoked
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    /** The caller's principal ({@code key:…}, {@code jwt:…}) or {@code bootstrap}. */
    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Column(name = "key_name", nullable = false)
    public String keyName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "agency_id")
    public String agencyId;

    static ApiKeyAudit of(Action action, ApiKey key, String actor, Instant at) {
        ApiKeyAudit entry = new ApiKeyAudit();
        entry.at = at;
        entry.actor = actor;
        entry.action = action;
        entry.keyId = key.id;
        entry.keyName = key.name;
        entry.role = key.role;
        entry.agencyId = key.agencyId;
        return entry;
    }
}
