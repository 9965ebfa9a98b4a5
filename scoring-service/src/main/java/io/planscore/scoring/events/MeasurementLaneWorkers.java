package io.planscore.scoring.events;

import io.opentelemetry.api.trace.Tracer;
import io.planscore.platform.deadletter.DeadLetters;
import io.planscore.platform.events.ConsumerRetry;
import io.planscore.platform.events.ConsumerShutdown;
import io.planscore.platform.tracing.BatchSpans;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies recorded measurements plan by plan ({@link PlanLanes}) with two workers: one takes any plan, the
 * fewest records waiting first; the other takes light plans only, so that a quiet plan's event never waits for
 * another agency's bulk import. Each chunk (one plan's waiting records) is one transaction of
 * {@link ScoringInputsConsumer}, retried by {@link ConsumerRetry} like a poll was.
 *
 * <p>Nothing is committed before it is applied: a poll is acknowledged once every record of it is applied, and
 * the connector's {@code throttled} commit strategy commits a partition only up to the first poll not yet
 * acknowledged. A crash redelivers what was not committed, and the inbox finds what was applied already. The
 * read-ahead is bounded: {@link #admit} answers a stage that completes only once fewer than
 * {@code planscore.scoring.lanes.max-in-flight} records are waiting, and the connector hands over no further
 * poll before that (it pauses its partitions when its own queue is full).
 *
 * <p>A chunk that fails after its retries is dead-lettered record by record, as a poll was, and the plan goes
 * on. One that fails while the service stops is left unacknowledged (redelivered after the restart), and its
 * plan's lane is not handed out again, so no later record of that plan is applied before it.
 */
@ApplicationScoped
public class MeasurementLaneWorkers {

    static final String CHANNEL = "measurements";

    private static final Logger LOG = Logger.getLogger(MeasurementLaneWorkers.class);

    private final ScoringInputsConsumer consumer;
    private final ConsumerRetry retry;
    private final DeadLetters deadLetters;
    private final ConsumerShutdown shutdown;
    private final Tracer tracer;
    private final PlanLanes<Queued> lanes;
    private final int maxInFlight;
    /** Records admitted and not yet applied or given up. Guarded by {@code this}. */
    private int inFlight;
    /** The stage {@link #admit} answered while full, completed once there is room. Guarded by {@code this}. */
    private CompletableFuture<Void> waitingForRoom;

    public MeasurementLaneWorkers(ScoringInputsConsumer consumer, ConsumerRetry retry, DeadLetters deadLetters,
                                  ConsumerShutdown shutdown, Tracer tracer, LanesConfig config) {
        this.consumer = consumer;
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.shutdown = shutdown;
        this.tracer = tracer;
        this.lanes = new PlanLanes<>(config.lightLimit(), config.maxChunk());
        this.maxInFlight = config.maxInFlight();
    }

    /** A record waiting in its plan's lane, with the poll it came in. */
    private record Queued(ConsumerRecord<String, String> record, Poll poll) {
    }

    /** One poll of the channel: acknowledged when all its records are applied, refused if one was left. */
    private static final class Poll {

        private final Message<?> message;
        private final AtomicInteger left;
        private final AtomicReference<RuntimeException> unapplied = new AtomicReference<>();

        Poll(Message<?> message, int records) {
            this.message = message;
            this.left = new AtomicInteger(records);
        }

        void done(int records, RuntimeException failure) {
            if (failure != null) {
                unapplied.compareAndSet(null, failure);
            }
            if (left.addAndGet(-records) == 0) {
                if (unapplied.get() == null) {
                    message.ack();
                } else {
                    message.nack(unapplied.get());
                }
            }
        }
    }

    void start(@Observes StartupEvent event) {
        worker("scoring-lanes-any", false).start();
        worker("scoring-lanes-light", true).start();
    }

    /** Observed after {@link ConsumerShutdown}'s drain: the workers finish their chunk and take no other. */
    void stop(@Observes ShutdownEvent event) {
        lanes.close();
    }

    /** Queues a poll's records in their plans' lanes; the stage completes when there is room for another poll. */
    public CompletionStage<Void> admit(Message<?> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecords<String, String> records = message.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(metadata -> (ConsumerRecords<String, String>) metadata.getRecords())
                .orElseThrow(() -> new IllegalStateException("Channel " + CHANNEL + " must be a batch channel"));
        if (records.isEmpty()) {
            return message.ack();
        }
        Poll poll = new Poll(message, records.count());
        Map<String, List<Queued>> byPlan = new LinkedHashMap<>();
        records.forEach(record -> byPlan.computeIfAbsent(String.valueOf(record.key()), plan -> new ArrayList<>())
                .add(new Queued(record, poll)));
        synchronized (this) {
            inFlight += records.count();
        }
        byPlan.forEach(lanes::add);
        return roomForAnotherPoll();
    }

    private synchronized CompletionStage<Void> roomForAnotherPoll() {
        if (inFlight < maxInFlight) {
            return CompletableFuture.completedFuture(null);
        }
        waitingForRoom = new CompletableFuture<>();
        return waitingForRoom;
    }

    private Thread worker(String name, boolean lightOnly) {
        Thread thread = new Thread(() -> {
            try {
                for (Optional<PlanLanes.Chunk<Queued>> chunk = lanes.take(lightOnly); chunk.isPresent();
                     chunk = lanes.take(lightOnly)) {
                    apply(chunk.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private void apply(PlanLanes.Chunk<Queued> chunk) {
        List<ConsumerRecord<String, String>> records = chunk.items().stream().map(Queued::record).toList();
        RuntimeException unapplied = null;
        try {
            BatchSpans.run(tracer, "scoring apply measurements", records,
                    () -> retry.run(CHANNEL, () -> consumer.onMeasurements(records)));
        } catch (RuntimeException failure) {
            unapplied = deadLetterOrLeave(chunk.planId(), records, failure);
        }
        if (unapplied == null || !shutdown.stopping()) {
            lanes.release(chunk);
        }
        Map<Poll, Integer> perPoll = new IdentityHashMap<>();
        chunk.items().forEach(queued -> perPoll.merge(queued.poll(), 1, Integer::sum));
        RuntimeException failure = unapplied;
        perPoll.forEach((poll, count) -> poll.done(count, failure));
        freed(records.size());
    }

    /** Null once the records are on the dead-letter topic; the failure if they are left for redelivery. */
    private RuntimeException deadLetterOrLeave(String planId, List<ConsumerRecord<String, String>> records,
                                               RuntimeException failure) {
        if (shutdown.stopping()) {
            LOG.warnf("%d records of plan %s not applied while stopping; redelivered after the restart: %s",
                    records.size(), planId, failure.getMessage());
            return failure;
        }
        try {
            for (ConsumerRecord<String, String> record : records) {
                deadLetters.deadLetter(record, failure);
            }
            LOG.errorf(failure, "%d records of plan %s dead-lettered", records.size(), planId);
            return null;
        } catch (RuntimeException deadLetterFailure) {
            failure.addSuppressed(deadLetterFailure);
            return failure; // refused: the connector's dead-letter strategy takes the poll
        }
    }

    private void freed(int records) {
        CompletableFuture<Void> room = null;
        synchronized (this) {
            inFlight -= records;
            if (waitingForRoom != null && inFlight < maxInFlight) {
                room = waitingForRoom;
                waitingForRoom = null;
            }
        }
        if (room != null) {
            room.complete(null);
        }
    }
}
