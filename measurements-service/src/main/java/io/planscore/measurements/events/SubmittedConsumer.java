package io.planscore.measurements.events;

import io.planscore.platform.events.ConsumerRetry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.measurements.service.Caller;
import io.planscore.measurements.service.EventResult;
import io.planscore.measurements.service.IngestionService;
import io.planscore.measurements.service.Submission;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bare measurement events from agencies' own systems (the body of {@code POST /api/v1/measurements}, key =
 * plan id), through the same pipeline as HTTP and CSV. Each agency writes its own topic
 * {@code measurements.submitted.v1.agency.<agencyId>}, administrators' integrations the plain
 * {@code measurements.submitted.v1}; this consumer reads both (one pattern subscription, new agency topics found
 * within {@code metadata.max.age.ms}).
 *
 * <ul>
 *   <li>Records come in polls of up to {@code max.poll.records} (1000), processed as one chunk (one transaction).</li>
 *   <li>Each record's identity (topic, partition, offset, timestamp) goes to the inbox in that
 *       transaction, so a record redelivered after a crash or rebalance is skipped. A record sent again
 *       by the agency is a new record: it is answered like a repeated HTTP post (duplicate, or rejected
 *       as a conflicting duplicate), never recorded twice, because the pipeline is idempotent on eventId.</li>
 *   <li>Optional headers {@code X-Planscore-Role}, {@code X-Planscore-Agency}, {@code X-Planscore-Principal}
 *       identify the sender: an {@code agency} sender posting for another agency's plan is rejected
 *       ({@code FORBIDDEN}). Without them the broker's ACLs decided, and the principal is {@code kafka}.</li>
 *   <li>A record that is not a JSON object is rejected ({@code MALFORMED_EVENT}) like any bad event, so the
 *       agency sees it on {@code measurements.rejected.v1}. A transient failure of this service (database
 *       down) is retried with backoff ({@link ConsumerRetry}; each chunk is a transaction of its own and a
 *       chunk already done is recognised by the inbox); only what still fails sends the poll's records to
 *       {@code measurements.submitted.v1.dlq.measurements-service}.</li>
 * </ul>
 */
@ApplicationScoped
public class SubmittedConsumer {

    private static final Logger LOG = Logger.getLogger(SubmittedConsumer.class);
    /** Followed by the agency's id: the topic only that agency's Kafka user may write. */
    public static final String AGENCY_TOPIC_PREFIX = "measurements.submitted.v1.agency.";

    private final ConsumerRetry retry;
    private final IngestionService ingestion;
    private final ObjectMapper mapper;

    public SubmittedConsumer(ConsumerRetry retry, IngestionService ingestion, ObjectMapper mapper) {
        this.retry = retry;
        this.ingestion = ingestion;
        this.mapper = mapper;
    }

    @Incoming("submitted-in")
    @Blocking
    public void onSubmitted(ConsumerRecords<String, String> records) {
        List<Submission> submissions = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            submissions.add(toSubmission(record));
        }
        retry.run("submitted-in", () -> {
            List<EventResult> results = ingestion.ingestKafka(submissions);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Processed %d submitted records: %s", results.size(),
                        results.stream().map(EventResult::status).toList());
            }
        });
    }

    Submission toSubmission(ConsumerRecord<String, String> record) {
        UUID inboxKey = UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "/" + record.offset() + "/"
                + record.timestamp()).getBytes(StandardCharsets.UTF_8));
        Caller caller = callerOf(record.topic());
        String value = record.value();
        if (value == null || value.isBlank()) {
            return Submission.malformed(value, "the record has no value: send the measurement event as a JSON object",
                    null, inboxKey, caller);
        }
        JsonNode body;
        try {
            body = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            return Submission.malformed(value, "the record is not valid JSON: " + e.getOriginalMessage(), null,
                    inboxKey, caller);
        } catch (NumberFormatException e) {
            // Jackson's way of refusing a number such as 1e2147483648
            return Submission.malformed(value, "the record holds a number that cannot be read: " + e.getMessage(),
                    null, inboxKey, caller);
        }
        return Submission.of(body, null, null, inboxKey, caller);
    }

    /**
     * The sender as the broker authenticated it: only {@code agency-<id>} may write its agency topic, only the
     * administrators' integration users the plain topic (docs/operations.md). Headers are never read.
     */
    static Caller callerOf(String topic) {
        if (topic.startsWith(AGENCY_TOPIC_PREFIX)) {
            return Caller.kafkaAgency(topic.substring(AGENCY_TOPIC_PREFIX.length()));
        }
        return Caller.kafkaAdmin();
    }
}
