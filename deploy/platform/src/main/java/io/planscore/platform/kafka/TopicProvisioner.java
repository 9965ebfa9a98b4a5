package io.planscore.platform.kafka;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service owns, with their partition count, cleanup policy and retention, before it
 * produces anything. Producers own their topics, so nothing else has to be run by hand.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    /** {@code kafkaConfig}: the service's {@code kafka.*} settings, its SASL credentials included. */
    void onStart(@Observes StartupEvent event, TopicsConfig config,
                 @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (config.topics().isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig(kafkaConfig))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = config.topics().entrySet().stream()
                    .filter(topic -> !existing.contains(topic.getKey()))
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue().partitions(),
                            topic.getValue().replicationFactor()).configs(configs(topic.getValue())))
                    .toList();
            for (var created : admin.createTopics(missing).values().entrySet()) {
                try {
                    created.getValue().get(30, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", created.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The shared settings less those only consumers and producers know, which an Admin client would warn about. */
    private static Map<String, Object> adminConfig(Map<String, Object> kafkaConfig) {
        Set<String> adminKeys = AdminClientConfig.configNames();
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (adminKeys.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }

    private static Map<String, String> configs(TopicsConfig.Topic topic) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(topic.retention().map(Duration::toMillis).orElse(-1L)));
    }
}
