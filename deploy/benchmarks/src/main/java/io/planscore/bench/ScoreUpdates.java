package io.planscore.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the {@code ScoreUpdated} records of each plan (the record key) on {@code scoring.score-updated.v1} from its
 * end onwards and keeps the newest one's create time — without a consumer group, disturbing no service.
 */
final class ScoreUpdates implements AutoCloseable {

    private record PerPlan(AtomicLong count, AtomicLong newest) {
    }

    private final Map<String, PerPlan> plans = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closed;

    ScoreUpdates(String bootstrap) {
        KafkaConsumer<String, String> consumer = EventTap.consumerAtEnd(bootstrap, List.of(EventTap.SCORED));
        reader = new Thread(() -> {
            try (consumer) {
                while (!closed) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        PerPlan plan = plans.computeIfAbsent(String.valueOf(r.key()),
                                key -> new PerPlan(new AtomicLong(), new AtomicLong()));
                        plan.count().incrementAndGet();
                        plan.newest().accumulateAndGet(r.timestamp(), Math::max);
                    }
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    throw e;
                }
            }
        }, "bench-score-updates");
        reader.setDaemon(true);
        reader.start();
    }

    long count(Collection<String> planIds) {
        return planIds.stream().map(plans::get).filter(p -> p != null).mapToLong(p -> p.count().get()).sum();
    }

    /** The create time of the newest ScoreUpdated of these plans (0 when none arrived). */
    long newest(Collection<String> planIds) {
        return planIds.stream().map(plans::get).filter(p -> p != null).mapToLong(p -> p.newest().get()).max().orElse(0);
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
