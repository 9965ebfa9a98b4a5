package io.planscore.scoring.events;

import io.opentelemetry.api.trace.Tracer;
import io.planscore.platform.events.ConsumerRetry;
import io.planscore.platform.tracing.BatchSpans;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Receives scoring's input polls and hands each to {@link ScoringInputsConsumer}, one transaction per attempt,
 * retried on a transient failure ({@link ConsumerRetry}); what still fails goes to the channel's dead-letter topic.
 * Each poll's work is one span ({@link BatchSpans}).
 */
@ApplicationScoped
public class ScoringInputsChannels {

    private final ConsumerRetry retry;
    private final ScoringInputsConsumer consumer;
    private final Tracer tracer;

    public ScoringInputsChannels(ConsumerRetry retry, ScoringInputsConsumer consumer, Tracer tracer) {
        this.retry = retry;
        this.consumer = consumer;
        this.tracer = tracer;
    }

    @Incoming("plan-versions")
    @Blocking
    public void onPlanVersions(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> poll = listed(records);
        BatchSpans.run(tracer, "scoring apply plan versions", poll,
                () -> retry.run("plan-versions", () -> consumer.onPlanVersions(poll)));
    }

    @Incoming("measurements")
    @Blocking
    public void onMeasurements(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> poll = listed(records);
        BatchSpans.run(tracer, "scoring apply measurements", poll,
                () -> retry.run("measurements", () -> consumer.onMeasurements(poll)));
    }

    @Incoming("peer-results")
    @Blocking
    public void onPeerResults(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> poll = listed(records);
        BatchSpans.run(tracer, "scoring apply peer results", poll,
                () -> retry.run("peer-results", () -> consumer.onPeerResults(poll)));
    }

    private static List<ConsumerRecord<String, String>> listed(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> poll = new ArrayList<>(records.count());
        records.forEach(poll::add);
        return poll;
    }
}
