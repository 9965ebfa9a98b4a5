package io.planscore.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real PostgreSQL and a real Kafka broker for a {@code @QuarkusTest} and points the
 * application at them. No containers and no Dev Services: both servers run from Maven artifacts.
 * It also gives the application the keys of {@link TestIdentities}, generated for this test run.
 * Fields annotated {@link InjectKafkaCompanion} receive a client of the broker.
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private EmbeddedKafka kafka;
    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.startTemporary();
        kafka = EmbeddedKafka.startTemporary();
        companion = new KafkaCompanion(kafka.bootstrapServers());
        Map<String, String> config = new HashMap<>(TestIdentities.config());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", database.ensureDatabase("service"),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", kafka.bootstrapServers()));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
