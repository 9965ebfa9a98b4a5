package io.planscore.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The raw Kafka ceiling on the same broker planscore uses: a keyed, idempotent, {@code acks=all} producer
 * of 1 KB JSON records (the producer settings of the outbox relay), a plain consumer, and the
 * produce→consume latency of one record at a time.
 */
final class RawKafkaBenchmark {

    static final int RECORD_BYTES = 1024;
    private static final int KEYS = 100;
    private static final int PARTITIONS = 3;

    private final String bootstrap;
    private final Report report;
    private final double scale;

    RawKafkaBenchmark(String bootstrap, Report report, double scale) {
        this.bootstrap = bootstrap;
        this.report = report;
        this.scale = scale;
    }

    void run() {
        String topic = "bench.raw." + UUID.randomUUID();
        String latencyTopic = "bench.raw-latency." + UUID.randomUUID();
        try {
            createTopics(topic, latencyTopic);
        } catch (Exception e) {
            report.failed("Kafka: creating the scratch topics", e);
            return;
        }
        long produced = 0;
        try {
            produced = produce(topic);
        } catch (Exception e) {
            report.failed("R1 Kafka produce", e);
        }
        if (produced > 0) {
            try {
                consume(topic, produced);
            } catch (Exception e) {
                report.failed("R2 Kafka consume", e);
            }
        }
        try {
            latency(latencyTopic);
        } catch (Exception e) {
            report.failed("R3 Kafka produce→consume latency", e);
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic, latencyTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // scratch topics of a throw-away broker: leaving them is harmless
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    private void createTopics(String... topics) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(java.util.Arrays.stream(topics).map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
    }

    /** The outbox relay's producer: acks=all, idempotent, string key and value; otherwise client defaults. */
    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    /** A 1 KB measurement-shaped JSON record. */
    static String record(long sequence, long stamp) {
        String head = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"planId\":\"plan-" + (sequence % KEYS)
                + "\",\"indicatorId\":\"G2-K1\",\"period\":\"2018-" + String.format("%02d", sequence % 12 + 1)
                + "\",\"value\":" + (sequence % 100) + ",\"unit\":\"場\",\"kind\":\"actual\",\"sentNanos\":" + stamp
                + ",\"pad\":\"";
        int headBytes = head.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return head + "x".repeat(Math.max(0, RECORD_BYTES - headBytes - 2)) + "\"}";
    }

    private static String key(long sequence) {
        return "plan-" + (sequence % KEYS);
    }

    private long produce(String topic) throws Exception {
        int warmUp = (int) (20_000 * scale);
        int count = (int) (200_000 * scale);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String[] payloads = IntStream.range(0, 1000).mapToObj(i -> record(i, 0)).toArray(String[]::new);
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < warmUp; i++) {
                producer.send(new ProducerRecord<>(topic, key(i), payloads[i % payloads.length]));
            }
            producer.flush();
            long start = System.nanoTime();
            int sent = 0;
            for (; sent < count && System.nanoTime() < deadline; sent++) {
                producer.send(new ProducerRecord<>(topic, key(sent), payloads[sent % payloads.length]), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            report.add("R1", "Kafka produce, 1 KB keyed JSON, acks=all, idempotent", acked.get(), seconds,
                    acked.get() / seconds, "records/s", null, String.format(java.util.Locale.ROOT,
                            "one producer, async send + flush, %d partitions, %.1f MB/s, after %,d warm-up records",
                            PARTITIONS, acked.get() * RECORD_BYTES / seconds / 1e6, warmUp));
            return warmUp + (long) sent;
        }
    }

    private void consume(String topic, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long count = 0;
            long bytes = 0;
            // the first poll (metadata, first fetch) is warm-up
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(5))) {
                count++;
                bytes += r.serializedValueSize();
            }
            long warm = count;
            long start = System.nanoTime();
            while (count < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    bytes += r.serializedValueSize();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long measured = count - warm;
            report.add("R2", "Kafka consume, same records", measured, seconds, measured / seconds, "records/s", null,
                    String.format(java.util.Locale.ROOT, "one consumer, assign + seekToBeginning, client defaults, "
                            + "%.1f MB/s%s", measured * (double) RECORD_BYTES / seconds / 1e6,
                            count < expected ? " (time limit reached: " + count + " of " + expected + ")" : ""));
        }
    }

    /** One record at a time: send, wait until the consumer sees it, send the next. */
    private void latency(String topic) throws Exception {
        int warmUp = 200;
        int count = Math.max(200, (int) (1000 * scale));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        SynchronousQueue<Long> received = new SynchronousQueue<>();
        AtomicReference<Boolean> running = new AtomicReference<>(true);
        Thread reader;
        try (KafkaProducer<String, String> producer = producer()) {
            KafkaConsumer<String, String> consumer = consumer();
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            reader = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                            long now = System.nanoTime();
                            String v = r.value();
                            int at = v.indexOf("\"sentNanos\":") + 12;
                            long sent = Long.parseLong(v.substring(at, v.indexOf(',', at)));
                            received.offer(now - sent, 1, TimeUnit.SECONDS);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-kafka-latency");
            reader.setDaemon(true);
            reader.start();
            Samples samples = new Samples();
            long start = 0;
            int done = 0;
            for (int i = 0; i < warmUp + count && System.nanoTime() < deadline; i++) {
                if (i == warmUp) {
                    start = System.nanoTime();
                }
                producer.send(new ProducerRecord<>(topic, key(i), record(i, System.nanoTime())));
                Long nanos = received.poll(10, TimeUnit.SECONDS);
                if (nanos == null) {
                    throw new IllegalStateException("record " + i + " not consumed within 10 s");
                }
                if (i >= warmUp) {
                    samples.add(nanos);
                    done++;
                }
            }
            running.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("R3", "Kafka produce→consume latency, one record at a time", done, seconds, Double.NaN, "",
                    samples, "sequential; producer defaults (linger.ms=" + ProducerConfig.configDef().defaultValues()
                            .get(ProducerConfig.LINGER_MS_CONFIG) + "), consumer polling; after "
                            + warmUp + " warm-up round trips");
        }
        reader.join(5000);
    }
}
