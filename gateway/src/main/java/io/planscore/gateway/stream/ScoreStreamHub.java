package io.planscore.gateway.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live SSE subscribers of this gateway instance. A subscriber first receives what it asked to
 * catch up on (current scorecards, or what it missed since {@code Last-Event-ID}), then every new
 * update; updates arriving while it catches up are held and sent after, never lost or doubled.
 * Each subscriber has a bounded number of unacknowledged writes: one that falls too far behind is
 * told to resynchronise and closed, so a slow client never delays the others.
 */
@ApplicationScoped
public class ScoreStreamHub {

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ScoreUpdateLog log;
    private final int maxPending;

    public ScoreStreamHub(ScoreUpdateLog log, MeterRegistry registry,
                          @ConfigProperty(name = "planscore.stream.max-pending-per-client") int maxPending) {
        this.log = log;
        this.maxPending = maxPending;
        registry.gaugeCollectionSize("planscore.stream.subscribers", List.of(), subscribers);
    }

    /** Opens a subscription; {@code lastEventId} null means "start with the current scorecards". */
    public void subscribe(SseEventSink sink, Sse sse, String planId, String agencyId, Long lastEventId) {
        Subscriber subscriber = new Subscriber(sink, sse, planId, agencyId, maxPending);
        subscribers.add(subscriber);
        List<ScoreUpdate> catchUp = lastEventId == null
                ? log.current(planId, agencyId)
                : log.after(lastEventId, planId, agencyId);
        subscriber.caughtUp(catchUp, lastEventId == null ? 0 : lastEventId);
    }

    public void publish(ScoreUpdate update) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.offer(update)) {
                subscribers.remove(subscriber);
            }
        }
    }

    @Scheduled(every = "${planscore.stream.heartbeat}")
    void heartbeat() {
        subscribers.removeIf(subscriber -> !subscriber.heartbeat());
    }

    public int size() {
        return subscribers.size();
    }

    static final class Subscriber {

        private final SseEventSink sink;
        private final Sse sse;
        private final String planId;
        private final String agencyId;
        private final int maxPending;
        private final List<ScoreUpdate> heldWhileCatchingUp = new ArrayList<>();
        private boolean catchingUp = true;
        private long lastSentId;
        private int pending;

        Subscriber(SseEventSink sink, Sse sse, String planId, String agencyId, int maxPending) {
            this.sink = sink;
            this.sse = sse;
            this.planId = planId;
            this.agencyId = agencyId;
            this.maxPending = maxPending;
        }

        synchronized void caughtUp(List<ScoreUpdate> catchUp, long resumeAfter) {
            lastSentId = resumeAfter;
            catchUp.forEach(this::send);
            heldWhileCatchingUp.forEach(this::send);
            heldWhileCatchingUp.clear();
            catchingUp = false;
        }

        /** False once the subscriber is gone. */
        synchronized boolean offer(ScoreUpdate update) {
            if (sink.isClosed()) {
                return false;
            }
            if (!update.matches(planId, agencyId)) {
                return true;
            }
            if (catchingUp) {
                heldWhileCatchingUp.add(update);
                return true;
            }
            return send(update);
        }

        synchronized boolean heartbeat() {
            if (sink.isClosed()) {
                return false;
            }
            sink.send(sse.newEventBuilder().comment("heartbeat").build());
            return true;
        }

        private boolean send(ScoreUpdate update) {
            if (update.id() <= lastSentId || sink.isClosed()) {
                return !sink.isClosed();
            }
            if (pending >= maxPending) {
                sink.send(sse.newEventBuilder().name("resync")
                        .data("{\"reason\":\"too far behind\",\"lastEventId\":" + lastSentId + "}").build());
                sink.close();
                return false;
            }
            pending++;
            lastSentId = update.id();
            sink.send(sse.newEventBuilder()
                            .id(Long.toString(update.id()))
                            .name("score-updated")
                            .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                            .data(update.body())
                            .build())
                    .whenComplete((ok, failure) -> written(failure));
            return true;
        }

        private synchronized void written(Throwable failure) {
            pending--;
            if (failure != null) {
                sink.close();
            }
        }
    }
}
