package io.planscore.scoring.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanLanesTest {

    private final PlanLanes<Integer> lanes = new PlanLanes<>(10, 100);

    @Test
    void aPlansItemsAreTakenInOrderInChunksOfAtMostTheBound() throws Exception {
        lanes.add("A", numbers(0, 150));
        lanes.add("A", numbers(150, 160));

        PlanLanes.Chunk<Integer> first = take(false);
        assertThat(first.planId()).isEqualTo("A");
        assertThat(first.items()).isEqualTo(numbers(0, 100));
        lanes.release(first);
        assertThat(take(false).items()).isEqualTo(numbers(100, 160));
    }

    @Test
    void aTakenPlanIsNotHandedToASecondWorkerUntilReleased() throws Exception {
        lanes.add("A", numbers(0, 5));
        PlanLanes.Chunk<Integer> taken = take(false);
        lanes.add("A", numbers(5, 8));

        CompletableFuture<PlanLanes.Chunk<Integer>> second = CompletableFuture.supplyAsync(() -> takeOrFail(false));
        Thread.sleep(200);
        assertThat(second).as("the plan's next items wait for its first chunk").isNotDone();

        lanes.release(taken);
        assertThat(second.get(5, TimeUnit.SECONDS).items()).isEqualTo(numbers(5, 8));
    }

    @Test
    void theQuietPlanGoesFirstAndAPlanWaitingLongerBeforeAnEquallyBusyOne() throws Exception {
        lanes.add("busy", numbers(0, 1_000));
        lanes.add("second", numbers(0, 3));
        lanes.add("first", numbers(0, 3)); // as many as "second", but ready later
        lanes.add("quiet", numbers(0, 1));

        assertThat(take(false).planId()).isEqualTo("quiet");
        assertThat(take(false).planId()).isEqualTo("second");
        assertThat(take(false).planId()).isEqualTo("first");
        assertThat(take(false).planId()).isEqualTo("busy");
    }

    @Test
    void theLightWorkerLeavesBusyPlansAndTakesAQuietOneAtOnce() throws Exception {
        lanes.add("busy", numbers(0, 1_000));

        CompletableFuture<PlanLanes.Chunk<Integer>> light = CompletableFuture.supplyAsync(() -> takeOrFail(true));
        Thread.sleep(200);
        assertThat(light).as("a busy plan is not for the light worker").isNotDone();

        lanes.add("quiet", numbers(0, 1));
        assertThat(light.get(5, TimeUnit.SECONDS).planId()).isEqualTo("quiet");
        assertThat(take(false).planId()).isEqualTo("busy");
    }

    @Test
    void aReleasedPlanWithMoreWaitingQueuesBehindThePlansAlreadyWaiting() throws Exception {
        lanes.add("A", numbers(0, 4));
        PlanLanes.Chunk<Integer> a = take(false);
        lanes.add("A", numbers(4, 8));
        lanes.add("B", numbers(0, 4));
        lanes.release(a);

        assertThat(take(false).planId()).isEqualTo("B");
        assertThat(lanes.waiting()).isEqualTo(4);
    }

    @Test
    void closingWakesTheWorkersWithNothing() throws Exception {
        CompletableFuture<Optional<PlanLanes.Chunk<Integer>>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return lanes.take(false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        lanes.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    private PlanLanes.Chunk<Integer> take(boolean lightOnly) throws InterruptedException {
        return lanes.take(lightOnly).orElseThrow();
    }

    private PlanLanes.Chunk<Integer> takeOrFail(boolean lightOnly) {
        try {
            return take(lightOnly);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
