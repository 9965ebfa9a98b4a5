package io.planscore.measurements.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** What validation needs to know about one indicator of the plan version in force. */
@Entity
@Table(name = "plan_indicator_model")
@IdClass(PlanIndicatorModel.Key.class)
public class PlanIndicatorModel extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    @Column(name = "indicator_id")
    public String indicatorId;

    public String unit;

    public Integer scale;

    /** The component names an event may give; empty when the indicator accepts none. */
    @Column(nullable = false)
    public String[] components;

    @Column(name = "baseline_years", nullable = false)
    public int baselineYears;

    @Column(name = "non_negative", nullable = false)
    public boolean nonNegative;

    @Column(name = "range_min")
    public BigDecimal rangeMin;

    @Column(name = "range_max")
    public BigDecimal rangeMax;

    public static class Key implements Serializable {
        public String planId;
        public String indicatorId;

        public Key() {
        }

        public Key(String planId, String indicatorId) {
            this.planId = planId;
            this.indicatorId = indicatorId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(planId, k.planId) && Objects.equals(indicatorId, k.indicatorId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, indicatorId);
        }
    }
}
