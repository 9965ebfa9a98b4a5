package io.planscore.plans.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Primary key of {@link IndicatorIndexEntry}. */
public class IndicatorIndexId implements Serializable {

    public UUID planId;
    public int version;
    public String indicatorId;

    public IndicatorIndexId() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndicatorIndexId other && version == other.version && Objects.equals(planId, other.planId)
                && Objects.equals(indicatorId, other.indicatorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(planId, version, indicatorId);
    }
}
