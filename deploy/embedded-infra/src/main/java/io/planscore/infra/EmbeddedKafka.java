package io.planscore.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real single-node Kafka (broker and KRaft controller in one), running in this JVM.
 *
 * <p>The log directory is formatted only when it holds no {@code meta.properties}, so a persistent
 * directory keeps its topics across restarts; a temporary one is deleted on {@link #close()}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Ports {@link #freePort} handed out in this JVM. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final KafkaRaftServer server;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;

    private EmbeddedKafka(Path logDir, int port, boolean deleteOnClose, int defaultPartitions) {
        this.logDir = logDir;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
        int controllerPort = freePort();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
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

    /** A throw-away broker on a free port, for tests. */
    public static EmbeddedKafka startTemporary() {
        try {
            return new EmbeddedKafka(Files.createTempDirectory("planscore-kafka-"), freePort(), true, 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker keeping its log in {@code logDir} across restarts, for the local run. */
    public static EmbeddedKafka startPersistent(Path logDir, int port) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedKafka(logDir, port, false, 3);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Same as {@code kafka-storage.sh format}, skipped when the directory was formatted before. */
    private void formatIfNew(Properties config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Path file = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (Writer writer = Files.newBufferedWriter(file)) {
                config.store(writer, "planscore embedded Kafka");
            }
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
