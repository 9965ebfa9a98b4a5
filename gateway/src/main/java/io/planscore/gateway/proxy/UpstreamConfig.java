package io.planscore.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "planscore.upstream")
public interface UpstreamConfig {

    URI plansUrl();

    URI measurementsUrl();

    URI scoringUrl();

    /** How long each kind of route may wait for its service's answer before the caller gets 504. */
    Timeouts timeout();

    interface Timeouts {

        @WithDefault("10s")
        Duration standard();

        /** Plan and measurement imports: a whole workbook is validated and stored in one request. */
        @WithName("import")
        @WithDefault("120s")
        Duration imports();

        @WithDefault("60s")
        Duration rebuild();
    }

    default URI baseOf(Upstream upstream) {
        return switch (upstream) {
            case PLANS -> plansUrl();
            case MEASUREMENTS -> measurementsUrl();
            case SCORING -> scoringUrl();
        };
    }
}
