package io.planscore.platform.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerShutdownTest {

    private final List<String> acked = new CopyOnWriteArrayList<>();
    private final List<String> nacked = new CopyOnWriteArrayList<>();
    private final ConsumerShutdown shutdown = new ConsumerShutdown(Duration.ofSeconds(5));

    @Test
    void aFailureBeforeTheStopIsReportedToTheConnector() {
        AssertSubscriber<Message<?>> consumer = subscribe("a");
        consumer.request(1);

        consumer.getItems().get(0).nack(new IllegalArgumentException("malformed")).toCompletableFuture().join();

        assertThat(nacked).containsExactly("a");
    }

    @Test
    void theStopWaitsForTheRecordInProcessThenHandsOutNoMore() throws Exception {
        AssertSubscriber<Message<?>> consumer = subscribe("a", "b");
        consumer.request(1);
        Message<?> inProcess = consumer.getItems().get(0);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> shutdown.stop(new ShutdownEvent()));

        Thread.sleep(200); // the stop is waiting for the record
        assertThat(stopped).isNotDone();
        inProcess.ack().toCompletableFuture().join();
        stopped.get();
        consumer.request(1);

        assertThat(acked).containsExactly("a");
        assertThat(consumer.getItems()).hasSize(1);
    }

    @Test
    void aFailureWhileStoppingIsNeitherDeadLetteredNorCommitted() throws Exception {
        AssertSubscriber<Message<?>> consumer = subscribe("a");
        consumer.request(1);
        Message<?> inProcess = consumer.getItems().get(0);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> shutdown.stop(new ShutdownEvent()));

        Thread.sleep(200); // the stop is waiting for the record
        inProcess.nack(new IllegalStateException("EntityManagerFactory is closed")).toCompletableFuture().join();
        stopped.join();

        assertThat(nacked).isEmpty();
        assertThat(acked).isEmpty();
    }

    private AssertSubscriber<Message<?>> subscribe(String... payloads) {
        Multi<Message<?>> records = Multi.createFrom().items(payloads).map(payload -> Message.of(payload)
                .withAck(() -> {
                    acked.add(payload);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    nacked.add(payload);
                    return CompletableFuture.completedFuture(null);
                }));
        return shutdown.decorate(records, List.of("records"), true).subscribe().withSubscriber(AssertSubscriber.create());
    }
}
