package io.planscore.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The topics this service owns: {@code planscore.kafka.topics."<name>".partitions=3}, {@code .retention=P7D},
 * {@code .compacted=true}. The retention of each topic is the one docs/events.md promises.
 */
@ConfigMapping(prefix = "planscore.kafka")
public interface TopicsConfig {

    Map<String, Topic> topics();

    interface Topic {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Compacted topics keep the latest event per key forever (plan versions). */
        @WithDefault("false")
        boolean compacted();

        /** How long records are kept; absent: forever (dead letters, the recorded measurements, plan versions). */
        Optional<Duration> retention();
    }
}
