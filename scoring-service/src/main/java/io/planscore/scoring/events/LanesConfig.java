package io.planscore.scoring.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How scoring reads recorded measurements ahead into per-plan lanes ({@link MeasurementLaneWorkers}). */
@ConfigMapping(prefix = "planscore.scoring.lanes")
public interface LanesConfig {

    /** Records read ahead and not yet applied; the connector delivers no further poll above this. */
    @WithDefault("20000")
    int maxInFlight();

    /** Records of one plan applied in one transaction (one recomputation per plan-year). */
    @WithDefault("5000")
    int maxChunk();

    /** A plan with at most this many records waiting is served by the light worker too. */
    @WithDefault("100")
    int lightLimit();
}
