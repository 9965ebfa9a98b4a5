package io.planscore.scoring.domain;

import io.planscore.engine.ScoringContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** A scoring input an administrator entered; the latest of a kind for an indicator-year counts. */
@Entity
@Table(name = "admin_input")
public class AdminInput extends PanacheEntityBase {

    /** How scorecards recomputed because of an administrator's input name their trigger. */
    public static final String TRIGGER_TYPE = "AdminInputEntered";

    public enum Kind {
        verdict, award, external_target, baseline_value
    }

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "indicator_id", nullable = false)
    public String indicatorId;

    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public BigDecimal value;

    public String note;

    @Column(name = "entered_by", nullable = false)
    public String enteredBy;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    @Generated
    @Column(name = "input_seq", insertable = false, updatable = false)
    public Long inputSeq;

    /** The engine's view of these inputs, applied in arrival order so the latest of each kind wins. */
    public static ScoringContext context(Collection<AdminInput> inputs) {
        ScoringContext context = ScoringContext.empty();
        for (AdminInput input : inputs) {
            ScoringContext.AdminInput value = new ScoringContext.AdminInput(input.id.toString(), input.value);
            context = switch (input.kind) {
                case verdict -> context.withVerdict(input.indicatorId, input.year, value);
                case award -> context.withAward(input.indicatorId, input.year, value);
                case external_target -> context.withExternalTarget(input.indicatorId, input.year, value);
                case baseline_value -> context.withBaselineValue(input.indicatorId, input.year, value);
            };
        }
        return context;
    }
}
