package io.planscore.scoring.domain;

import io.planscore.engine.Measurement;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded measurement event. It counts while it is not superseded and is not itself a retraction. */
@Entity
@Table(name = "measurement")
public class RecordedMeasurement extends PanacheEntityBase {

    public static final String RETRACTION = "retraction";

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "indicator_id", nullable = false)
    public String indicatorId;

    public String component;

    @Column(nullable = false)
    public String period;

    public int year;

    public BigDecimal value;

    @Column(nullable = false)
    public String kind;

    public UUID supersedes;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    /** The arrival seq of the first event that superseded this one: it counted as of every earlier seq. */
    @Column(name = "superseded_seq")
    public Long supersededSeq;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Place in the arrival order of all scoring inputs: rebuilds replay in this order. */
    @Generated
    @Column(name = "input_seq", insertable = false, updatable = false)
    public Long inputSeq;

    public boolean counts() {
        return supersededBy == null && !RETRACTION.equals(kind);
    }

    /** The engine's view of this event, as {@code MeasurementRepository.counting} reads it. */
    public Measurement asInput() {
        return new Measurement(eventId.toString(), indicatorId, component, period, value, recordedAt);
    }
}
