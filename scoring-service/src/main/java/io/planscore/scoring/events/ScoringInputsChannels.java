package io.planscore.scoring.events;

import io.planscore.platform.events.ConsumerRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Receives scoring's input polls and hands each to {@link ScoringInputsConsumer}, one transaction per attempt,
 * retried on a transient failure ({@link ConsumerRetry}); what still fails goes to the channel's dead-letter topic.
 */
@ApplicationScoped
public class ScoringInputsChannels {

    private final ConsumerRetry retry;
    private final ScoringInputsConsumer consumer;

    public ScoringInputsChannels(ConsumerRetry retry, ScoringInputsConsumer consumer) {
        this.retry = retry;
        this.consumer = consumer;
    }

    @Incoming("plan-versions")
    @Blocking
    public void onPlanVersions(List<String> records) {
        retry.run("plan-versions", () -> consumer.onPlanVersions(records));
    }

    @Incoming("measurements")
    @Blocking
    public void onMeasurements(List<String> records) {
        retry.run("measurements", () -> consumer.onMeasurements(records));
    }

    @Incoming("peer-results")
    @Blocking
    public void onPeerResults(List<String> records) {
        retry.run("peer-results", () -> consumer.onPeerResults(records));
    }
}
