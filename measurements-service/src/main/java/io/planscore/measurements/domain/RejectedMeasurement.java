package io.planscore.measurements.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A submission that was not recorded: the body as received, every reason, who sent it and how. */
@Entity
@Table(name = "rejected_measurement")
public class RejectedMeasurement extends PanacheEntityBase {

    @Id
    @Column(name = "rejection_id")
    public UUID rejectionId;

    /** The submission's eventId when it had a readable one (or the one derived for a CSV row). */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "plan_id")
    public String planId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;

    /** A JSON array of {field, code, message}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String errors;

    @Column(nullable = false)
    public String channel;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String principal;
}
