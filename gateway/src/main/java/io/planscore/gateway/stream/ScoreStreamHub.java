package io.planscore.gateway.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.planscore.gateway.stream.ScoreUpdateLog.PageLimit;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The live SSE subscribers of this gateway replica, fed from the shared {@link ScoreUpdateLog}: every
 * replica publishes the log's updates in id order, so subscribers of any replica see the same ids in the
 * same order and can resume anywhere.
 * <p>
 * A subscriber first catches up from the log (the latest update of each matching plan-year, or what it
 * missed since {@code Last-Event-ID}), one page at a time: the next page is read, on a worker thread,
 * only once the previous one is written, so a catch-up of any size holds one page in memory and waits
 * for the client instead of blocking a thread. Live updates that arrive meanwhile are read from the log
 * again before it goes live, never lost or doubled. A live subscriber has a bounded write buffer; one
 * that falls too far behind is told to resynchronise (with the last id it was sent) and closed, so a slow
 * client never delays the others.
 */
@ApplicationScoped
public class ScoreStreamHub {

    private static final Logger LOG = Logger.getLogger(ScoreStreamHub.class);
    private static final int PAGE_ROWS = 500;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ScoreUpdateLog log;
    private final ExecutorService workers;
    private final PageLimit pageLimit;
    private final int clientBufferBytes;
    /** The last log id this replica published; subscribers registered later catch up from the log. */
    private long published;

    public ScoreStreamHub(ScoreUpdateLog log, ExecutorService workers, MeterRegistry registry,
                          @ConfigProperty(name = "planscore.stream.page-bytes") int pageBytes,
                          @ConfigProperty(name = "planscore.stream.client-buffer-bytes") int clientBufferBytes) {
        this.log = log;
        this.workers = workers;
        this.pageLimit = new PageLimit(PAGE_ROWS, pageBytes);
        this.clientBufferBytes = clientBufferBytes;
        this.published = log.latestId();
        registry.gaugeCollectionSize("planscore.stream.subscribers", List.of(), subscribers);
    }

    /** Opens a subscription; {@code lastEventId} null means "start with the current scorecards". */
    public void subscribe(SseEventSink sink, Sse sse, String planId, String agencyId, Long lastEventId) {
        Subscriber subscriber = new Subscriber(sink, sse, planId, agencyId, lastEventId == null ? 0 : lastEventId,
                clientBufferBytes);
        subscribers.add(subscriber);
        catchUp(subscriber, lastEventId == null);
    }

    /** Sends this replica's subscribers every update appended to the log since the last call, in id order. */
    public synchronized void publishNew() {
        for (List<ScoreUpdate> page = log.after(published, null, null, pageLimit); !page.isEmpty();
             page = log.after(published, null, null, pageLimit)) {
            for (ScoreUpdate update : page) {
                subscribers.removeIf(subscriber -> !subscriber.offer(update));
                published = update.id();
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

    /** Sends the next catch-up page, and schedules the one after once it is written; then goes live. */
    private void catchUp(Subscriber subscriber, boolean latestFirst) {
        if (subscriber.isClosed()) {
            subscribers.remove(subscriber);
            return;
        }
        try {
            subscriber.readingPage();
            List<ScoreUpdate> page = latestFirst
                    ? log.latestAfter(subscriber.lastSentId(), subscriber.planId, subscriber.agencyId, pageLimit)
                    : log.after(subscriber.lastSentId(), subscriber.planId, subscriber.agencyId, pageLimit);
            if (!page.isEmpty()) {
                subscriber.sendPage(page).thenRunAsync(() -> catchUp(subscriber, latestFirst), workers)
                        .exceptionally(failure -> drop(subscriber));
            } else if (latestFirst || !subscriber.goLive()) {
                // after the latest of each plan-year, whatever came since; or what came while catching up
                workers.execute(() -> catchUp(subscriber, false));
            }
        } catch (RuntimeException e) {
            if (!subscriber.isClosed()) {
                LOG.warnf(e, "Score stream catch-up failed; closing the subscriber");
            }
            drop(subscriber);
        }
    }

    private Void drop(Subscriber subscriber) {
        subscriber.close();
        subscribers.remove(subscriber);
        return null;
    }

    static final class Subscriber {

        private final SseEventSink sink;
        private final Sse sse;
        final String planId;
        final String agencyId;
        private final int bufferBytes;
        private boolean live;
        private boolean offeredWhileReading;
        private long lastSentId;
        private int pendingWrites;
        private long pendingBytes;

        Subscriber(SseEventSink sink, Sse sse, String planId, String agencyId, long resumeAfter, int bufferBytes) {
            this.sink = sink;
            this.sse = sse;
            this.planId = planId;
            this.agencyId = agencyId;
            this.lastSentId = resumeAfter;
            this.bufferBytes = bufferBytes;
        }

        synchronized long lastSentId() {
            return lastSentId;
        }

        /** A catch-up page is about to be read: updates offered from now on may not be in it. */
        synchronized void readingPage() {
            offeredWhileReading = false;
        }

        /** Sends a catch-up page; completes once every event of it is written. */
        synchronized CompletableFuture<Void> sendPage(List<ScoreUpdate> page) {
            CompletableFuture<?>[] writes = page.stream()
                    .filter(update -> update.id() > lastSentId)
                    .map(update -> write(update).toCompletableFuture())
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(writes);
        }

        /** True if live from now on; false if an update was offered during the last read: read again. */
        synchronized boolean goLive() {
            live = !offeredWhileReading;
            return live;
        }

        /** False once the subscriber is gone. */
        synchronized boolean offer(ScoreUpdate update) {
            if (sink.isClosed()) {
                return false;
            }
            if (!update.matches(planId, agencyId) || update.id() <= lastSentId) {
                return true;
            }
            if (!live) {
                offeredWhileReading = true; // it is in the log: the catch-up reads it
                return true;
            }
            try {
                if (pendingWrites > 0 && pendingBytes + update.body().length() > bufferBytes) {
                    resync();
                    return false;
                }
                write(update);
                return true;
            } catch (IllegalStateException closedMeanwhile) {
                return false;
            }
        }

        synchronized boolean isClosed() {
            return sink.isClosed();
        }

        synchronized boolean heartbeat() {
            if (sink.isClosed()) {
                return false;
            }
            sink.send(sse.newEventBuilder().comment("heartbeat").build());
            return true;
        }

        synchronized void close() {
            sink.close();
        }

        /** Too far behind: tells the client where to resume (when it was sent anything) and closes. */
        private void resync() {
            String resumeFrom = lastSentId == 0 ? "" : ",\"lastEventId\":" + lastSentId;
            sink.send(sse.newEventBuilder().name("resync")
                    .data("{\"reason\":\"too far behind\"" + resumeFrom + "}").build());
            sink.close();
        }

        private CompletionStage<?> write(ScoreUpdate update) {
            int size = update.body().length();
            pendingWrites++;
            pendingBytes += size;
            lastSentId = update.id();
            return sink.send(sse.newEventBuilder()
                            .id(Long.toString(update.id()))
                            .name("score-updated")
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(update.body())
                            .build())
                    .whenComplete((ok, failure) -> written(size, failure));
        }

        private synchronized void written(int size, Throwable failure) {
            pendingWrites--;
            pendingBytes -= size;
            if (failure != null) {
                sink.close();
            }
        }
    }
}
