package io.planscore.measurements.events;

import io.planscore.platform.events.ConsumerRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives {@code plans.plan-versions.v1} and hands each record to {@link PlanVersionConsumer}, one transaction
 * per attempt, retried on a transient failure ({@link ConsumerRetry}); what still fails is dead-lettered.
 */
@ApplicationScoped
public class PlanVersionChannel {

    private final ConsumerRetry retry;
    private final PlanVersionConsumer consumer;

    public PlanVersionChannel(ConsumerRetry retry, PlanVersionConsumer consumer) {
        this.retry = retry;
        this.consumer = consumer;
    }

    @Incoming("plans-in")
    @Blocking
    public void onPlanVersion(String record) {
        retry.run("plans-in", () -> consumer.onPlanVersion(record));
    }
}
