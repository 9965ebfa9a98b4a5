package io.planscore.platform.deadletter;

import io.planscore.platform.deadletter.DeadLetterViews.DeadLetter;
import io.planscore.platform.deadletter.DeadLetterViews.Listing;
import io.planscore.platform.deadletter.DeadLetterViews.Redrive;
import io.planscore.platform.deadletter.DeadLetterViews.TopicPage;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lists the records of this service's dead-letter topics and re-drives them to the topics they came from.
 *
 * <p>A redrive sends each dead letter back unchanged (key, value, and so the envelope's eventId; the
 * {@code dead-letter-*} headers are dropped, {@value #REDRIVEN_FROM} names where it came from), waits for the
 * broker to acknowledge it, and then commits how far it got as the offsets of a consumer group of its own on the
 * dead-letter topic ({@code <service>.dead-letter-redrive}). A second call starts there and sends only what was
 * dead-lettered since. Should a redrive stop between sending and committing, the next one sends those records
 * again: the consumers are idempotent on eventId, so that changes nothing.
 */
@ApplicationScoped
public class DeadLetters {

    public static final int MAX_PAGE_SIZE = 100;
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE = 1_000_000;
    static final String REDRIVEN_FROM = "planscore-redriven-from";
    private static final int MAX_VALUE_CHARS = 2_000;
    private static final int MAX_REASON_CHARS = 1_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Map<String, String> topics;
    private final Map<String, Object> kafkaConfig;
    private final String service;
    private final String redriveGroup;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetters(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                       @ConfigProperty(name = "quarkus.application.name") String service) {
        this.topics = DeadLetterTopics.of(config);
        this.kafkaConfig = kafkaConfig;
        this.service = service;
        this.redriveGroup = service + ".dead-letter-redrive";
    }

    /** True if {@code topic} is the dead-letter topic of one of this service's consumers. */
    public boolean owns(String topic) {
        return topics.containsKey(topic);
    }

    /**
     * Page {@code page} (default 0) of every dead-letter topic of this service, or of {@code topic} only, with
     * {@code size} (default 20, at most {@value #MAX_PAGE_SIZE}) records of each.
     */
    public Listing list(String topic, Integer pageOrNull, Integer sizeOrNull) {
        int page = pageOrNull == null ? 0 : pageOrNull;
        int size = sizeOrNull == null ? DEFAULT_PAGE_SIZE : sizeOrNull;
        if (page < 0 || page > MAX_PAGE) {
            throw invalid("page", "page must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<String> listed = topic == null ? List.copyOf(topics.keySet()) : List.of(known(topic));
        List<TopicPage> pages = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<String, List<TopicPartition>> partitions = new LinkedHashMap<>();
            listed.forEach(name -> partitions.put(name, partitions(consumer, name)));
            // every partition assigned once (before its offsets are asked) and paused; the one being read is
            // resumed, so no fetch is cut short by a new assignment
            List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
            consumer.assign(all);
            consumer.pause(all);
            Map<String, Positions> positions = new LinkedHashMap<>();
            partitions.forEach((name, of) -> positions.put(name, positions(consumer, of)));
            positions.forEach((name, of) -> pages.add(page(consumer, name, of, (long) page * size, size)));
        } catch (KafkaException e) {
            throw unavailable(e);
        }
        return new Listing(page, size, pages);
    }

    /** Sends the dead letters of {@code topic} not re-driven yet back to their original topic. */
    public synchronized Redrive redrive(String topic) {
        String original = topics.get(known(topic));
        long resent = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Positions positions = positions(consumer, partitions);
            positions.start().forEach(consumer::seek);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reached(consumer, positions.end())) {
                if (System.nanoTime() > deadline) {
                    commit(consumer, done);
                    throw new ProblemException(Problem.of(503, "unavailable", "Redrive incomplete",
                            "The dead-letter topic could not be read to its end in time; " + resent
                                    + " records were re-driven. Call again to go on.", List.of()));
                }
                List<Sent> sent = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < positions.end().get(partition)) {
                        sent.add(new Sent(partition, record.offset(), producer().send(backToOriginal(record, original))));
                    }
                }
                try {
                    for (Sent each : sent) {
                        each.await(); // in order per partition: what is committed was acknowledged
                        done.put(each.partition(), new OffsetAndMetadata(each.offset() + 1));
                        resent++;
                    }
                } finally {
                    commit(consumer, done);
                }
            }
            LOG.infof("Re-drove %d dead letters from %s to %s", resent, topic, original);
            return new Redrive(topic, original, resent, positions.total(), positions.total());
        } catch (KafkaException e) {
            throw unavailable(e);
        }
    }

    private TopicPage page(KafkaConsumer<byte[], byte[]> consumer, String topic, Positions positions, long from,
                           int size) {
        List<DeadLetter> records = new ArrayList<>();
        long skip = from;
        for (TopicPartition partition : positions.partitions()) {
            long begin = positions.begin().get(partition);
            long end = positions.end().get(partition);
            if (skip >= end - begin) {
                skip -= end - begin;
                continue;
            }
            long first = begin + skip;
            skip = 0;
            long last = Math.min(end, first + size - records.size());
            records.addAll(read(consumer, partition, first, last, positions.start().get(partition)));
            if (records.size() >= size) {
                break;
            }
        }
        long redriven = positions.redriven();
        return new TopicPage(topic, topics.get(topic), service, positions.total(), redriven,
                positions.total() - redriven, records);
    }

    private List<DeadLetter> read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long first,
                                  long last, long redriveStart) {
        List<DeadLetter> records = new ArrayList<>();
        consumer.seek(partition, first);
        consumer.resume(List.of(partition));
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (consumer.position(partition) < last && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < last) {
                    records.add(view(record, record.offset() < redriveStart));
                }
            }
        }
        consumer.pause(List.of(partition));
        return records;
    }

    private static DeadLetter view(ConsumerRecord<byte[], byte[]> record, boolean redriven) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String text = new String(value, StandardCharsets.UTF_8);
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : bounded(new String(record.key(), StandardCharsets.UTF_8), MAX_REASON_CHARS),
                header(record, "dead-letter-topic"), integer(header(record, "dead-letter-partition")),
                longValue(header(record, "dead-letter-offset")),
                bounded(header(record, "dead-letter-reason"), MAX_REASON_CHARS),
                bounded(header(record, "dead-letter-cause"), MAX_REASON_CHARS),
                redriven, value.length, bounded(text, MAX_VALUE_CHARS), text.length() > MAX_VALUE_CHARS);
    }

    /**
     * Sends one record that cannot be read to its channel's dead-letter topic, with the headers SmallRye's
     * dead-letter strategy writes, and waits for the broker: a batch consumer goes on with the rest of its poll
     * instead of dead-lettering all of it.
     */
    public void deadLetter(ConsumerRecord<String, String> record, Exception reason) {
        String topic = topics.entrySet().stream().filter(entry -> entry.getValue().equals(record.topic()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("No dead-letter topic for " + record.topic()));
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(String.valueOf(reason.getMessage())));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", utf8(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add("dead-letter-exception-class-name", utf8(reason.getClass().getName()));
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        new Sent(new TopicPartition(topic, 0), record.offset(), producer().send(new ProducerRecord<>(topic, null,
                record.key() == null ? null : utf8(record.key()), record.value() == null ? null : utf8(record.value()),
                headers))).await();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ProducerRecord<byte[], byte[]> backToOriginal(ConsumerRecord<byte[], byte[]> record,
                                                                 String configuredOriginal) {
        String original = header(record, "dead-letter-topic");
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        // partitioned by key as the original producer did, so a plan's events stay on one partition
        return new ProducerRecord<>(original != null ? original : configuredOriginal, null, record.key(),
                record.value(), headers);
    }

    private record Sent(TopicPartition partition, long offset, Future<RecordMetadata> ack) {
        void await() {
            acknowledged(ack, "a re-driven record");
        }
    }

    private static void acknowledged(Future<RecordMetadata> ack, String what) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while sending " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("The broker did not acknowledge " + what, e);
        }
    }

    /** Begin, end and redrive-start offsets of every partition of a topic, sorted by partition. */
    private record Positions(List<TopicPartition> partitions, Map<TopicPartition, Long> begin,
                             Map<TopicPartition, Long> end, Map<TopicPartition, Long> start) {
        long total() {
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }

        long redriven() {
            return partitions.stream().mapToLong(p -> start.get(p) - begin.get(p)).sum();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    private static Positions positions(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        Map<TopicPartition, OffsetAndMetadata> committed =
                consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(10));
        Map<TopicPartition, Long> start = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            // what retention already deleted cannot be re-driven any more
            start.put(partition, Math.min(end.get(partition),
                    Math.max(begin.get(partition), offset == null ? 0 : offset.offset())));
        }
        return new Positions(partitions, begin, end, start);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void commit(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private String known(String topic) {
        if (!topics.containsKey(topic)) {
            throw ProblemException.notFound("Dead-letter topic", topic);
        }
        return topic;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, redriveGroup);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_PAGE_SIZE);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static ProblemException invalid(String parameter, String message) {
        return ProblemException.badRequest(message, new FieldError(parameter, "INVALID_FIELD", message));
    }

    private static ProblemException unavailable(KafkaException e) {
        LOG.warnf("Dead letters: Kafka did not answer: %s", e.toString());
        return new ProblemException(Problem.of(503, "unavailable", "Kafka unavailable",
                "The dead-letter topics cannot be read now; try again later.", List.of()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
