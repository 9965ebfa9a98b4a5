package io.planscore.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a real PostgreSQL and a real Kafka broker for a {@code @QuarkusTest} and points the
 * application at them. No containers and no Dev Services: both servers run from Maven artifacts.
 * It also gives the application the keys of {@link TestIdentities}, generated for this test run.
 * Fields annotated {@link InjectKafkaCompanion} receive a client of the broker, and fields of type
 * {@link EmbeddedKafka} annotated {@link InjectEmbeddedKafka} the broker itself.
 *
 * <p>With the init argument {@value #KAFKA_USER} (a service's name) the broker runs SASL with ACLs
 * ({@link EmbeddedKafka}): the application signs in as that service's SCRAM user with the grants of
 * {@link KafkaAccess}, as it does in production, and the companion as the super user.
 */
public class RealInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String KAFKA_USER = "kafka-user";

    private EmbeddedDatabase database;
    private EmbeddedKafka kafka;
    private KafkaCompanion companion;
    private String kafkaUser;

    @Override
    public void init(Map<String, String> initArgs) {
        kafkaUser = initArgs.get(KAFKA_USER);
    }

    @Override
    public Map<String, String> start() {
        database = EmbeddedDatabase.startTemporary();
        Map<String, String> config = new HashMap<>(TestIdentities.config());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", database.ensureDatabase("service"),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", ""));
        if (kafkaUser == null) {
            kafka = EmbeddedKafka.startTemporary();
        } else {
            kafka = EmbeddedKafka.startTemporary(UUID.randomUUID().toString());
            String password = UUID.randomUUID().toString();
            kafka.createUser(kafkaUser, password, KafkaAccess.serviceAcls(kafkaUser));
            config.putAll(Map.of(
                    "kafka.security.protocol", "SASL_PLAINTEXT",
                    "kafka.sasl.mechanism", EmbeddedKafka.SCRAM_MECHANISM,
                    "kafka.sasl.jaas.config", EmbeddedKafka.scramJaas(kafkaUser, password)));
        }
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        companion = new KafkaCompanion(kafka.bootstrapServers());
        Map<String, Object> clientConfig = kafka.superUserConfig();
        clientConfig.remove("bootstrap.servers");
        companion.setCommonClientConfig(clientConfig);
        if (kafkaUser != null) {
            // their owners create them in production; this service's user may not
            KafkaAccess.consumedTopics(kafkaUser).forEach(topic -> kafka.createTopic(topic, 3));
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
        injector.injectIntoFields(kafka,
                new TestInjector.AnnotatedAndMatchesType(InjectEmbeddedKafka.class, EmbeddedKafka.class));
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
