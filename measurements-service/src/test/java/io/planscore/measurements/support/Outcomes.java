package io.planscore.measurements.support;

import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.RejectedMeasurement;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What became of an event sent without waiting for an answer (over Kafka), read from this service's tables. */
public final class Outcomes {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Outcomes() {
    }

    /** The event once recorded. */
    public static Measurement awaitRecorded(UUID eventId) {
        return await().atMost(PATIENCE).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Measurement.<Measurement>findById(eventId)),
                stored -> stored != null);
    }

    /** The event's one rejection, once it is kept with {@code code} among its errors. */
    public static RejectedMeasurement awaitRejected(UUID eventId, String code) {
        AtomicReference<RejectedMeasurement> rejection = new AtomicReference<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<RejectedMeasurement> rejected = QuarkusTransaction.requiringNew()
                    .call(() -> RejectedMeasurement.<RejectedMeasurement>list("eventId", eventId));
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).errors).contains(code);
            rejection.set(rejected.get(0));
        });
        return rejection.get();
    }
}
