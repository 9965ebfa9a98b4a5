package io.planscore.plans;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Reads plans.plan-versions.v1 from the beginning, keeping one plan's records. */
final class PlanEvents {

    static final String TOPIC = "plans.plan-versions.v1";

    private PlanEvents() {
    }

    static List<ConsumerRecord<String, String>> await(KafkaCompanion companion, String planId, int count) {
        try (ConsumerTask<String, String> task = companion.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(TOPIC, records -> records.filter(r -> planId.equals(r.key())).select().first(count))) {
            task.awaitCompletion(Duration.ofSeconds(30));
            return task.getRecords();
        }
    }
}
