package io.planscore.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real single-node Kafka (broker and KRaft controller in one), running in this JVM.
 *
 * <p>PLAINTEXT by default. Started with a super user's password it runs as the platform does in production:
 * every listener SASL_PLAINTEXT, clients authenticating with SCRAM-SHA-512 as users made by
 * {@link #createUser}, and the {@code StandardAuthorizer} allowing each only what its ACLs grant. The super user
 * {@value #SUPER_USER} (the broker itself, towards its controller, and {@link #superUserConfig} clients) signs in
 * with PLAIN against the password in the broker's own configuration, so it exists before any SCRAM user does.
 *
 * <p>The log directory is formatted only when it holds no {@code meta.properties}, so a persistent
 * directory keeps its topics across restarts; a temporary one is deleted on {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The super user: the broker itself and the platform's bootstrap (users, ACLs), never a service. */
    public static final String SUPER_USER = "admin";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    /** Ports {@link #freePort} handed out in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;
    /** The super user's password; null: PLAINTEXT without authorization. */
    private final String superUserPassword;

    private EmbeddedKafka(Path logDir, int port, boolean deleteOnClose, int defaultPartitions,
                          String superUserPassword) {
        this.logDir = logDir;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
        this.superUserPassword = superUserPassword;
        int controllerPort = freePort();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("controller.listener.names", "CONTROLLER");
        if (superUserPassword == null) {
            config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        } else {
            secure(config, controllerPort);
        }
        config.put("log.dirs", logDir.toString());
        config.put("num.partitions", String.valueOf(defaultPartitions));
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        formatIfNew(config);
        server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
    }

    private void secure(Properties config, int controllerPort) {
        config.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        config.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        // Clients use SCRAM; PLAIN knows the super user alone (its JAAS line lists no other user_*).
        config.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", SCRAM_MECHANISM + ",PLAIN");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        String superUser = plainJaas().replace(";", " user_" + SUPER_USER + "=\"" + superUserPassword + "\";");
        config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", superUser);
        config.put("listener.name.controller.plain.sasl.jaas.config", superUser);
        config.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + SUPER_USER);
        config.put("allow.everyone.if.no.acl.found", "false");
    }

    private String plainJaas() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + SUPER_USER
                + "\" password=\"" + superUserPassword + "\";";
    }

    /** A throw-away PLAINTEXT broker on a free port, for tests. */
    public static EmbeddedKafka startTemporary() {
        return startTemporary(null);
    }

    /** A throw-away broker on a free port; SASL with ACLs when {@code superUserPassword} is not null. */
    public static EmbeddedKafka startTemporary(String superUserPassword) {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("planscore-kafka-"), freePort(), true, 3,
                    superUserPassword);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker keeping its log in {@code logDir} across restarts, for the local run; SASL with ACLs when
     * {@code superUserPassword} is not null (SCRAM users and ACLs are kept in the log too).
     */
    public static EmbeddedKafka startPersistent(Path logDir, int port, String superUserPassword) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedKafka(logDir, port, false, 3, superUserPassword);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean secured() {
        return superUserPassword != null;
    }

    /** Settings of a client signing in as the super user (bootstrap servers alone on a PLAINTEXT broker). */
    public Map<String, Object> superUserConfig() {
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrapServers()));
        if (secured()) {
            config.putAll(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", plainJaas()));
        }
        return config;
    }

    /** Settings of a client signing in as SCRAM user {@code user}. */
    public Map<String, Object> userConfig(String user, String password) {
        return new HashMap<>(Map.of("bootstrap.servers", bootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", SCRAM_MECHANISM,
                "sasl.jaas.config", scramJaas(user, password)));
    }

    /** The JAAS line of SCRAM user {@code user}, as clients and the services' KAFKA_SASL_JAAS_CONFIG take it. */
    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Creates topic {@code name} as the super user, unless it exists; its owner would in production. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(superUserConfig())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates (or gives a new password to) SCRAM user {@code user} and grants it {@code acls}, all of whose
     * principal must be {@code User:<user>}; waits until the broker can authenticate it.
     */
    public void createUser(String user, String password, Collection<AclBinding> acls) {
        if (!secured()) {
            throw new IllegalStateException("This broker runs PLAINTEXT: it has no users");
        }
        try (Admin admin = Admin.create(superUserConfig())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all()
                    .get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create Kafka user " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitAuthenticates(user, password);
    }

    /** SCRAM credentials and ACLs reach the broker through its metadata log: a moment after they were written. */
    private void awaitAuthenticates(String user, String password) {
        Map<String, Object> config = userConfig(user, password);
        config.put("default.api.timeout.ms", 5_000);
        config.put("request.timeout.ms", 5_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka user " + user + " cannot sign in", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Same as {@code kafka-storage.sh format}, skipped when the directory was formatted before. */
    private void formatIfNew(Properties config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Path file = logDir.resolveSibling(logDir.getFileName() + ".properties");
            StringWriter properties = new StringWriter();
            config.store(properties, "planscore embedded Kafka");
            // owner only: it holds the super user's password while the tool reads it
            RsaKeys.writeOwnerOnly(file, properties.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(file);
            if (rc != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + out.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    /**
     * A port that is free now, chosen below Linux's ephemeral range (32768+): a port handed out by the
     * kernel could be taken again by any outgoing connection before the server that reserved it binds. Never the
     * same port twice in one JVM: servers started together bind only later, so a port that tests free now may
     * already be promised to another of them.
     */
    public static int freePort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            if (!HANDED_OUT.add(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(candidate)) {
                socket.setReuseAddress(true);
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free port found between 20000 and 32000");
    }
}
