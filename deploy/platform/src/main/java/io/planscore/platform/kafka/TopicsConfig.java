package io.planscore.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** The topics this service owns: {@code planscore.kafka.topics."<name>".partitions=3}. */
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
    }
}
