package io.planscore.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(EventTap.SCORED, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
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
