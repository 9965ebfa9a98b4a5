package io.planscore.localrun;

import io.planscore.infra.EmbeddedDatabase;
import io.planscore.infra.EmbeddedKafka;
import io.planscore.infra.KafkaAccess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of planscore on one machine: a real PostgreSQL (one database per service), a real
 * single-node Kafka, and the four services as separate JVMs. Used by the local run and by the
 * end-to-end tests, which kill and restart services to prove nothing is lost. Its keys and passwords are
 * generated on the first start into the data folder ({@link LocalSecrets}); the internal services listen on
 * 127.0.0.1 only.
 *
 * <p>It leaves nothing behind and uses nothing it did not start: it claims its data folder ({@link RunFolder}),
 * stopping what an earlier launcher of that folder left running; refuses fixed ports that another process holds
 * ({@link PortGuard}); and a {@link Watchdog} process stops the service JVMs and PostgreSQL should this JVM die
 * without doing so. With {@link Supervision} enabled it restarts services that crash or stop being live.
 */
public final class Platform implements AutoCloseable {

    /**
     * Where each service lives in the repository, its database, the environment key of its JDBC URL and
     * whether it calls other services (and so signs identities with the private service key).
     */
    private record ServiceSpec(String name, String database, String dbUrlVariable, boolean signsIdentities) {
    }

    private static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("plans-service", "plans", "PLANS_DB_URL", false),
            new ServiceSpec("measurements-service", "measurements", "MEASUREMENTS_DB_URL", true),
            new ServiceSpec("scoring-service", "scoring", "SCORING_DB_URL", false),
            new ServiceSpec("gateway", "gateway", "GATEWAY_DB_URL", true));

    /**
     * Ports and places. Zero ports mean "any free port". {@code kafkaSasl}: the broker runs SASL/SCRAM with ACLs
     * and each service signs in as its own Kafka user ({@link KafkaAccess}), as in production.
     */
    public record Settings(Path repositoryRoot, Path dataDir, boolean persistent, int databasePort, int kafkaPort,
                           Map<String, Integer> servicePorts, String bootstrapAdminKey, boolean kafkaSasl,
                           Supervision supervision) {

        /** Unsupervised: services stay down when they exit (tests that kill them on purpose, benchmarks). */
        public Settings(Path repositoryRoot, Path dataDir, boolean persistent, int databasePort, int kafkaPort,
                        Map<String, Integer> servicePorts, String bootstrapAdminKey, boolean kafkaSasl) {
            this(repositoryRoot, dataDir, persistent, databasePort, kafkaPort, servicePorts, bootstrapAdminKey,
                    kafkaSasl, Supervision.OFF);
        }
    }

    private final Settings settings;
    private final RunFolder runFolder;
    private final Supervisor supervisor;
    private Process watchdog;
    private EmbeddedDatabase database;
    private EmbeddedKafka kafka;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Platform(Settings settings) {
        this.settings = settings;
        this.runFolder = RunFolder.claim(settings.dataDir(), Duration.ofSeconds(30), Platform::say);
        this.supervisor = new Supervisor(settings.supervision(), Platform::say);
        try {
            startServers();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startServers() {
        Path data = settings.dataDir();
        if (settings.persistent()) {
            // A PostgreSQL of this folder that a launcher from before the run folder left running.
            EmbeddedDatabase.serverOf(data.resolve("postgres")).ifPresent(leftover -> {
                say("Stopping PostgreSQL (pid " + leftover.pid() + "), left running on " + data + " ...");
                RunFolder.stop(leftover);
            });
        }
        requireFreePorts();
        watchdog = Watchdog.start(data, data.resolve("logs").resolve("watchdog.log"));
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data);
        String kafkaSuperUserPassword = settings.kafkaSasl() ? secrets.kafkaPassword(EmbeddedKafka.SUPER_USER) : null;
        if (settings.persistent()) {
            database = EmbeddedDatabase.startPersistent(data.resolve("postgres"), settings.databasePort());
        } else {
            database = EmbeddedDatabase.startTemporary();
        }
        database.serverProcess().ifPresent(server -> runFolder.record(RunFolder.DATABASE, server));
        kafka = settings.persistent()
                ? EmbeddedKafka.startPersistent(data.resolve("kafka"), settings.kafkaPort(), kafkaSuperUserPassword)
                : EmbeddedKafka.startTemporary(kafkaSuperUserPassword);
        database.setPassword(EmbeddedDatabase.USER, secrets.dbPassword());
        Map<String, Integer> ports = new HashMap<>();
        SERVICES.forEach(spec -> ports.put(spec.name(),
                settings.servicePorts().getOrDefault(spec.name(), 0) == 0
                        ? EmbeddedKafka.freePort() : settings.servicePorts().get(spec.name())));
        for (ServiceSpec spec : SERVICES) {
            Map<String, String> env = new HashMap<>();
            env.put(spec.dbUrlVariable(), database.ensureDatabase(spec.database()));
            env.put("DB_USER", EmbeddedDatabase.USER);
            env.put("DB_PASSWORD", secrets.dbPassword());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            if (kafka.secured()) {
                env.putAll(kafkaUserEnvironment(spec.name(), secrets.kafkaPassword(spec.name())));
            }
            env.put("PLANSCORE_IDENTITY_PUBLIC_KEY", secrets.identityPublicKey());
            // Readable log files; traces go to a collector only if OTEL_EXPORTER_OTLP_ENDPOINT is set (inherited).
            env.put("PLANSCORE_LOG_JSON", "false");
            if (spec.signsIdentities()) {
                env.put("PLANSCORE_IDENTITY_PRIVATE_KEY", secrets.identityPrivateKey());
            }
            if (!spec.name().equals("plans-service")) {
                env.put("PLANSCORE_UPSTREAM_PLANS_URL", localUrl(ports.get("plans-service")));
            }
            if (!spec.name().equals("gateway")) {
                // Internal services, their /q/metrics and /q/openapi included, answer this machine only.
                env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            }
            if (spec.name().equals("gateway")) {
                env.put("MP_JWT_VERIFY_PUBLICKEY", secrets.jwtIssuerPublicKey());
                env.put("PLANSCORE_UPSTREAM_MEASUREMENTS_URL", localUrl(ports.get("measurements-service")));
                env.put("PLANSCORE_UPSTREAM_SCORING_URL", localUrl(ports.get("scoring-service")));
                env.put("PLANSCORE_BOOTSTRAP_ADMIN_KEY", settings.bootstrapAdminKey());
            }
            services.put(spec.name(), new ServiceProcess(spec.name(),
                    settings.repositoryRoot().resolve(spec.name()).resolve("target/quarkus-app/quarkus-run.jar"),
                    ports.get(spec.name()), env, data.resolve("logs").resolve(spec.name() + ".log"), runFolder));
        }
    }

    /** Fixed ports (the local run's) must be free: whatever answers there would pass for planscore's own server. */
    private void requireFreePorts() {
        if (settings.databasePort() != 0) {
            PortGuard.requireFree(settings.databasePort(), "PostgreSQL", "PLANSCORE_DB_PORT");
        }
        if (settings.kafkaPort() != 0) {
            PortGuard.requireFree(settings.kafkaPort(), "Kafka", "PLANSCORE_KAFKA_PORT");
        }
        settings.servicePorts().forEach((service, port) -> {
            if (port != 0) {
                PortGuard.requireFree(port, service, "PLANSCORE_HTTP_PORT");
            }
        });
    }

    /** Creates (again, on every start: ACLs may have changed) the service's Kafka user; its client settings. */
    private Map<String, String> kafkaUserEnvironment(String service, String password) {
        kafka.createUser(service, password, KafkaAccess.serviceAcls(service));
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "KAFKA_SASL_MECHANISM", EmbeddedKafka.SCRAM_MECHANISM,
                "KAFKA_SASL_USERNAME", service,
                "KAFKA_SASL_PASSWORD", password);
    }

    /**
     * Issues agency {@code agencyId}'s Kafka credentials on a SASL broker: its topic, its user (password kept in
     * the secrets folder) allowed to write only that topic. Returns the client settings its systems use.
     */
    public Map<String, Object> issueAgencyKafkaUser(String agencyId) {
        String user = KafkaAccess.agencyUser(agencyId);
        String password = LocalSecrets.loadOrCreate(settings.dataDir()).kafkaPassword(user);
        kafka.createTopic(KafkaAccess.agencyTopic(agencyId), 3);
        kafka.createUser(user, password, KafkaAccess.agencyAcls(agencyId));
        return kafka.userConfig(user, password);
    }

    private static String localUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the servers, then the services (in parallel), and waits until every service is ready. */
    public static Platform start(Settings settings) {
        Platform platform = new Platform(settings);
        try {
            platform.services.values().forEach(ServiceProcess::start);
            platform.services.values().forEach(service -> service.awaitReady(Duration.ofMinutes(3)));
            platform.services.values().forEach(platform.supervisor::watch);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** A throw-away platform on free ports, for tests. */
    public static Platform startTemporary(Path repositoryRoot, String adminKey) {
        try {
            return start(new Settings(repositoryRoot, Files.createTempDirectory("planscore-e2e-"), false, 0, 0,
                    Map.of(), adminKey, false));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return service;
    }

    public ServiceProcess gateway() {
        return service("gateway");
    }

    /** Another gateway replica: the gateway's settings on a free port, ready; stopped with the platform. */
    public ServiceProcess startGatewayReplica(String name) {
        ServiceProcess replica = gateway().replica(name, EmbeddedKafka.freePort(),
                settings.dataDir().resolve("logs").resolve(name + ".log"));
        services.put(name, replica);
        replica.start();
        replica.awaitReady(Duration.ofMinutes(3));
        supervisor.watch(replica);
        return replica;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return this.database.jdbcUrl(database);
    }

    public Settings settings() {
        return settings;
    }

    /** Stops everything it started, the services first; whatever fails to start is stopped the same way. */
    @Override
    public void close() {
        supervisor.close();
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
            runFolder.forget(RunFolder.DATABASE);
        }
        if (watchdog != null) {
            watchdog.destroy();
        }
        runFolder.close();
    }

    /** Console lines of what happens after the start (supervision, leftovers), with the time of day. */
    private static void say(String line) {
        System.out.println("[" + java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "] "
                + line);
    }
}
