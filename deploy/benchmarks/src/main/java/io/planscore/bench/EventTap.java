package io.planscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads {@code measurements.recorded.v1} and {@code scoring.score-updated.v1} from their end, without a
 * consumer group (it commits nothing and disturbs no service), and notes when each event was produced
 * (record CreateTime: when the outbox relay sent it) — the time stamps of the latency breakdown — and how many
 * measurements were recorded since it started (a record carries many).
 */
final class EventTap implements AutoCloseable {

    static final String RECORDED = "measurements.recorded.v1";
    static final String SCORED = "scoring.score-updated.v1";

    /** When ScoreUpdated of a trigger was produced, and when scoring says it computed it. */
    record Scored(long createTime, long computedAtMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> recorded = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> measurementsPerPlan = new ConcurrentHashMap<>();
    private final Map<String, Scored> scored = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closed;
    private volatile Exception failure;

    EventTap(String bootstrap) {
        KafkaConsumer<String, String> consumer = consumerAtEnd(bootstrap, List.of(RECORDED, SCORED));
        reader = new Thread(() -> read(consumer), "bench-kafka-tap");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * A consumer of every partition of {@code topics} positioned at their end, without a consumer group (it commits
     * nothing and disturbs no service); waits up to a minute for a topic to exist.
     */
    static KafkaConsumer<String, String> consumerAtEnd(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (infos.isEmpty() && System.nanoTime() < deadline) {
                infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null) {
                    infos = List.of();
                }
            }
            if (infos.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private void read(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (!closed) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(RECORDED)) {
                        for (JsonNode measurement : JSON.readTree(r.value()).path("payload").path("measurements")) {
                            recorded.put(measurement.path("eventId").asText(), r.timestamp());
                            measurementsPerPlan.computeIfAbsent(r.key(), plan -> new AtomicLong()).incrementAndGet();
                        }
                    } else {
                        JsonNode payload = JSON.readTree(r.value()).path("payload");
                        String trigger = payload.path("trigger").path("eventId").asText(null);
                        if (trigger != null) {
                            String computed = payload.path("computedAt").asText(null);
                            long computedAt = -1;
                            try {
                                computedAt = computed == null ? -1 : Instant.parse(computed).toEpochMilli();
                            } catch (RuntimeException e) {
                                // a computedAt the tap cannot read: that stage stays unmeasured
                            }
                            scored.putIfAbsent(trigger, new Scored(r.timestamp(), computedAt));
                        }
                    }
                }
            }
        } catch (Exception e) {
            if (!closed) {
                failure = e;
            }
        }
    }

    Long recordedAt(String eventId) {
        return recorded.get(eventId);
    }

    /** The measurements of these plans recorded since the tap started. */
    long measurements(Collection<String> plans) {
        return plans.stream().map(measurementsPerPlan::get).filter(Objects::nonNull).mapToLong(AtomicLong::get).sum();
    }

    Scored scoredAt(String eventId) {
        return scored.get(eventId);
    }

    Exception failure() {
        return failure;
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
