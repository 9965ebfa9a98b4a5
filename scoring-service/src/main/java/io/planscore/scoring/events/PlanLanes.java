package io.planscore.scoring.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Work queued per plan, one lane a plan: a lane's items are taken in order, and by one worker at a time, so each
 * plan's inputs are applied in the order Kafka delivered them; different plans go on side by side.
 *
 * <p>Why lanes and not polls: Kafka orders records per partition, and a partition carries many plans. Applied
 * poll by poll, an event for a quiet plan waited behind every record ahead of it in its partition, so a bulk
 * import of one agency held back every dashboard whose plan shared a partition with it (seconds, growing with
 * the import). Read ahead into lanes, the quiet plan's event is its own small lane and is taken next.
 *
 * <p>Which lane goes first: the one with the fewest items waiting (a quiet plan before a busy one), then the
 * one waiting longest. A worker that takes {@linkplain #take(boolean) light lanes only} is never busy with a
 * bulk import, so a quiet plan is taken at once even while the other worker is. A busy lane is taken in chunks
 * of at most {@code maxChunk} items; everything waiting in it up to that bound is applied together (one
 * recomputation per plan-year for the chunk), so the busier a plan, the more each recomputation covers.
 *
 * <p>Plain Java and thread-safe (one monitor); no framework in here, so the scheduling is tested on its own.
 */
final class PlanLanes<T> {

    /** What a worker took: one plan's items, in order; hand it back with {@link #release(Chunk)}. */
    record Chunk<T>(String planId, List<T> items) {
    }

    private static final class Lane<T> {
        final ArrayDeque<T> waiting = new ArrayDeque<>();
        boolean taken;
        long readySince;
    }

    private final int lightLimit;
    private final int maxChunk;
    private final Map<String, Lane<T>> lanes = new HashMap<>();
    private long clock;
    private boolean closed;

    /**
     * @param lightLimit a lane with at most this many items waiting is light
     * @param maxChunk   at most this many items are taken from a lane at once
     */
    PlanLanes(int lightLimit, int maxChunk) {
        if (lightLimit < 1 || maxChunk < lightLimit) {
            throw new IllegalArgumentException("need 1 <= lightLimit <= maxChunk");
        }
        this.lightLimit = lightLimit;
        this.maxChunk = maxChunk;
    }

    /** Queues {@code items} of one plan behind what that plan already has waiting. */
    synchronized void add(String planId, List<T> items) {
        if (items.isEmpty()) {
            return;
        }
        Lane<T> lane = lanes.computeIfAbsent(planId, id -> new Lane<>());
        if (lane.waiting.isEmpty() && !lane.taken) {
            lane.readySince = ++clock;
        }
        lane.waiting.addAll(items);
        notifyAll();
    }

    /**
     * Waits for a lane that is not taken and has items waiting (a light one only, if {@code lightOnly}), takes it
     * and returns its items; empty once {@link #close() closed}.
     */
    synchronized Optional<Chunk<T>> take(boolean lightOnly) throws InterruptedException {
        while (!closed) {
            Map.Entry<String, Lane<T>> next = next(lightOnly);
            if (next != null) {
                Lane<T> lane = next.getValue();
                lane.taken = true;
                List<T> items = new ArrayList<>(Math.min(maxChunk, lane.waiting.size()));
                while (items.size() < maxChunk && !lane.waiting.isEmpty()) {
                    items.add(lane.waiting.poll());
                }
                return Optional.of(new Chunk<>(next.getKey(), items));
            }
            wait();
        }
        return Optional.empty();
    }

    /** The chunk is applied (or given up): its lane may be taken again, behind the lanes already waiting. */
    synchronized void release(Chunk<T> chunk) {
        Lane<T> lane = lanes.get(chunk.planId());
        lane.taken = false;
        if (lane.waiting.isEmpty()) {
            lanes.remove(chunk.planId());
        } else {
            lane.readySince = ++clock;
        }
        notifyAll();
    }

    /** Items waiting in every lane, not counting those taken. */
    synchronized int waiting() {
        return lanes.values().stream().mapToInt(lane -> lane.waiting.size()).sum();
    }

    /** Wakes every worker; {@link #take(boolean)} returns empty from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private Map.Entry<String, Lane<T>> next(boolean lightOnly) {
        Map.Entry<String, Lane<T>> best = null;
        for (Map.Entry<String, Lane<T>> entry : lanes.entrySet()) {
            Lane<T> lane = entry.getValue();
            int size = lane.waiting.size();
            if (lane.taken || size == 0 || (lightOnly && size > lightLimit)) {
                continue;
            }
            if (best == null || size < best.getValue().waiting.size()
                    || (size == best.getValue().waiting.size() && lane.readySince < best.getValue().readySince)) {
                best = entry;
            }
        }
        return best;
    }
}
