package io.planscore.plans.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Primary key of {@link PlanVersion}. */
public class PlanVersionId implements Serializable {

    public UUID planId;
    public int version;

    public PlanVersionId() {
    }

    public PlanVersionId(UUID planId, int version) {
        this.planId = planId;
        this.version = version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanVersionId other && version == other.version && Objects.equals(planId, other.planId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(planId, version);
    }
}
