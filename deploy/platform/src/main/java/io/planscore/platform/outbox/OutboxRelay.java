package io.planscore.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.planscore.platform.tracing.TraceContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ships committed outbox messages to Kafka, oldest first, and deletes them once the broker has
 * acknowledged them ({@code acks=all}, idempotent producer). A crash between the acknowledgement
 * and the delete re-sends the batch: delivery is at least once, and every consumer deduplicates on
 * {@code eventId}. A PostgreSQL session advisory lock, held on a connection of its own, keeps one relay
 * per database at a time, so replicas cannot reorder one plan's events.
 *
 * <p>No database transaction spans the broker round trip: a batch is read in one autocommit statement on the
 * relay's own connection, sent and acknowledged outside any transaction, and deleted by another statement.
 * (Holding a transaction across the send made the acknowledgement callbacks run on Kafka's thread inside it,
 * and rounds failed under load with "commit invoked while multiple threads active".) Plain JDBC: no entity is
 * built or dirty-checked for rows that live a few milliseconds. Bodies travel as the bytes PostgreSQL sends (no
 * string is decoded and encoded again), and a round waits on one latch for its acknowledgements: at stream
 * speed the relay's allocations were a quarter of a service's. The trace context an event was written in goes
 * along the same way, as the record's {@code traceparent} (and {@code tracestate}) header: the connector's own
 * tracing is off for this channel, as its producer span would start a new trace on the relay's thread.
 *
 * <p>The relay runs on its own thread. It wakes as soon as a transaction that wrote to the outbox
 * commits, so an event leaves within milliseconds; it also looks every {@code poll-interval} for
 * messages written by another instance or left behind by a crash.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory-lock id of the relay in each service's database. */
    private static final long RELAY_LOCK = 0x706c616e73636fL;
    private static final String OLDEST = "SELECT id, event_id, topic, message_key, event_type, body, traceparent, "
            + "tracestate FROM outbox_message ORDER BY id LIMIT ?";
    private static final String DELETE = "DELETE FROM outbox_message WHERE id = ANY(?)";

    private final Emitter<byte[]> kafka;
    private final DataSource dataSource;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Duration pollInterval;
    private final Counter relayed;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    /** The relay thread's own connection, holding the advisory lock while this instance is the database's relay. */
    private Connection leadership;

    public OutboxRelay(@Channel("outbox") Emitter<byte[]> kafka, DataSource dataSource,
                       MeterRegistry registry,
                       @ConfigProperty(name = "planscore.outbox.batch-size", defaultValue = "500") int batchSize,
                       @ConfigProperty(name = "planscore.outbox.ack-timeout", defaultValue = "PT30S") Duration ackTimeout,
                       @ConfigProperty(name = "planscore.outbox.poll-interval", defaultValue = "PT1S") Duration pollInterval) {
        this.kafka = kafka;
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.pollInterval = pollInterval;
        this.relayed = registry.counter("planscore.outbox.relayed");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(ackTimeout.toMillis());
        }
    }

    /** A transaction that wrote to the outbox has committed: ship it now. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake.release();
    }

    private void run() {
        try {
            while (running) {
                try {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    while (running && leading() && relayBatch() == batchSize) {
                        // a full batch means more may be waiting
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException | SQLException e) {
                    // Kafka or the database is unavailable, or messaging is not wired yet: retry on the next round.
                    LOG.warnf("Outbox relay round failed, retrying: %s", e.getMessage());
                }
            }
        } finally {
            resign();
        }
    }

    /** Whether this instance is the database's relay, taking the lock when it is free (e.g. after a crash elsewhere). */
    private boolean leading() throws SQLException {
        if (leadership != null) {
            if (leadership.isValid(2)) {
                return true;
            }
            resign(); // the connection broke, and the server released the lock with it
        }
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement();
             ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
            if (locked.next() && locked.getBoolean(1)) {
                leadership = connection;
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return false;
    }

    private void resign() {
        if (leadership == null) {
            return;
        }
        try (Connection connection = leadership; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
        } catch (SQLException e) {
            // closing the connection releases the lock as well
        }
        leadership = null;
    }

    /** One row of the outbox as the relay ships it; the trace headers as stored (null: none). */
    record Waiting(long id, String eventId, String topic, String key, String eventType, byte[] body,
                   byte[] traceparent, byte[] tracestate) {
    }

    /** The broker's answers to one round: done when every message was acknowledged, or at the first failure. */
    private static final class Round {
        private final CountDownLatch pending;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Round(int messages) {
            pending = new CountDownLatch(messages);
        }

        CompletableFuture<Void> acknowledged() {
            pending.countDown();
            return CompletableFuture.completedFuture(null);
        }

        CompletableFuture<Void> failed(Throwable cause) {
            failure.compareAndSet(null, cause);
            while (pending.getCount() > 0) {
                pending.countDown();
            }
            return CompletableFuture.completedFuture(null);
        }

        void await(Duration timeout) throws InterruptedException {
            try {
                if (!pending.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new TimeoutException("the broker did not acknowledge a round within " + timeout);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            if (failure.get() != null) {
                throw new IllegalStateException("the broker refused a message: " + failure.get().getMessage(),
                        failure.get());
            }
        }
    }

    /** Sends the oldest messages and deletes them once acknowledged; returns how many. */
    private int relayBatch() throws SQLException, InterruptedException {
        List<Waiting> batch = oldest();
        if (batch.isEmpty()) {
            return 0;
        }
        Round round = new Round(batch.size());
        batch.forEach(message -> kafka.send(message(message, round)));
        round.await(ackTimeout);
        try (PreparedStatement delete = leadership.prepareStatement(DELETE)) {
            delete.setArray(1, leadership.createArrayOf("bigint", batch.stream().map(Waiting::id).toArray()));
            delete.executeUpdate();
        }
        relayed.increment(batch.size());
        return batch.size();
    }

    private List<Waiting> oldest() throws SQLException {
        List<Waiting> batch = new ArrayList<>();
        try (PreparedStatement select = leadership.prepareStatement(OLDEST)) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Waiting(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getBytes(6), rows.getBytes(7), rows.getBytes(8)));
                }
            }
        }
        return batch;
    }

    private static Message<byte[]> message(Waiting message, Round round) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic())
                .withKey(message.key())
                .withHeaders(headers(message))
                .build();
        return Message.of(message.body(), Metadata.of(metadata), round::acknowledged, round::failed);
    }

    static RecordHeaders headers(Waiting message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("eventId", message.eventId().getBytes(StandardCharsets.UTF_8));
        headers.add("eventType", message.eventType().getBytes(StandardCharsets.UTF_8));
        if (message.traceparent() != null) {
            headers.add(TraceContext.TRACEPARENT, message.traceparent());
            if (message.tracestate() != null) {
                headers.add(TraceContext.TRACESTATE, message.tracestate());
            }
        }
        return headers;
    }
}
