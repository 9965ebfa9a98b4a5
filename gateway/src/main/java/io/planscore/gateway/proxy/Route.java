package io.planscore.gateway.proxy;

import java.time.Duration;

/**
 * The kinds of forwarded route, by how long their service may take to answer: imports (plans and measurements)
 * validate and store a whole file in one request; a rebuild is guarded by a bulkhead too ({@link UpstreamGuards}).
 */
public enum Route {
    STANDARD, IMPORT, REBUILD;

    Duration timeout(UpstreamConfig.Timeouts timeouts) {
        return switch (this) {
            case STANDARD -> timeouts.standard();
            case IMPORT -> timeouts.imports();
            case REBUILD -> timeouts.rebuild();
        };
    }
}
