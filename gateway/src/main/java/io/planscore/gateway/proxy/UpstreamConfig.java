package io.planscore.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "planscore.upstream")
public interface UpstreamConfig {

    URI plansUrl();

    URI measurementsUrl();

    URI scoringUrl();

    @WithDefault("PT60S")
    Duration timeout();

    default URI baseOf(Upstream upstream) {
        return switch (upstream) {
            case PLANS -> plansUrl();
            case MEASUREMENTS -> measurementsUrl();
            case SCORING -> scoringUrl();
        };
    }
}
