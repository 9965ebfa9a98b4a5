package io.planscore.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An approved plan version as scoring received it; the newest one is in force. */
@Entity
@Table(name = "plan_version")
@IdClass(PlanVersion.Key.class)
public class PlanVersion extends PanacheEntityBase {

    /** Exact decimals, as everywhere in planscore: targets like 8.5 must not become binary doubles. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    public int version;

    @Column(name = "agency_id")
    public String agencyId;

    /**
     * The whole {@code seed-plan-fixture/v1} document, verbatim. Fetched only when read: scoring keeps what it
     * needs of a version's document in memory, so most loads of a plan version never touch it.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "text")
    public String document;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The id of the PlanVersionApproved event: the trigger of the scorecards it caused. */
    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    /** Place in the arrival order of all scoring inputs: rebuilds replay in this order. */
    @Generated
    @Column(name = "input_seq", insertable = false, updatable = false)
    public Long inputSeq;

    public JsonNode documentJson() {
        try {
            return JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plan document of " + planId + " v" + version + " is not JSON", e);
        }
    }

    public record Key(String planId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
