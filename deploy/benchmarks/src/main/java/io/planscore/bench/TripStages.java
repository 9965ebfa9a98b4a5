package io.planscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of POST → score-updated trips goes: each trip is split at the Kafka CreateTime of its
 * {@code MeasurementRecorded} and of the {@code ScoreUpdated} it triggered, and at that update's {@code computedAt}
 * (all wall clocks of this one machine), as read by an {@link EventTap}.
 */
final class TripStages {

    /** One trip, in wall-clock milliseconds: the POST sent, its 202 received, its update on the SSE stream. */
    record Trip(String eventId, long sentWall, long answeredWall, long arrivedWall) {
    }

    private final List<Trip> trips = new ArrayList<>();

    void add(Trip trip) {
        trips.add(trip);
    }

    /** Adds the stages of the trips to the report's breakdown, under the benchmark {@code id}. */
    void report(Report report, String id, EventTap tap) {
        Samples post = new Samples();
        Samples relayMeasurements = new Samples();
        Samples scoring = new Samples();
        Samples relayScores = new Samples();
        Samples toClient = new Samples();
        Samples scoringAndRelay = new Samples();
        Samples total = new Samples();
        for (Trip t : trips) {
            Long recorded = tap.recordedAt(t.eventId());
            EventTap.Scored scored = tap.scoredAt(t.eventId());
            post.add(nanos(t.answeredWall() - t.sentWall()));
            total.add(nanos(t.arrivedWall() - t.sentWall()));
            if (recorded != null) {
                relayMeasurements.add(nanos(recorded - t.answeredWall()));
            }
            if (recorded != null && scored != null) {
                scoringAndRelay.add(nanos(scored.createTime() - recorded));
                if (scored.computedAtMillis() > 0) {
                    scoring.add(nanos(scored.computedAtMillis() - recorded));
                    relayScores.add(nanos(scored.createTime() - scored.computedAtMillis()));
                }
            }
            if (scored != null) {
                toClient.add(nanos(t.arrivedWall() - scored.createTime()));
            }
        }
        stage(report, id, "1. POST → 202: gateway auth + forward, measurements-service validation, one transaction (row + outbox)", post);
        stage(report, id, "2. 202 → MeasurementRecorded on Kafka: measurements-service outbox relay + send (negative: shipped before the 202 reached the client)", relayMeasurements);
        stage(report, id, "3. → ScoreUpdated on Kafka: Kafka hop, scoring consume + recompute + commit, scoring outbox relay + send", scoringAndRelay);
        stage(report, id, "3a. of which → `computedAt`: Kafka hop, scoring consume, load + recompute", scoring);
        stage(report, id, "3b. of which `computedAt` → ScoreUpdated on Kafka: commit, scoring outbox relay + send", relayScores);
        stage(report, id, "4. ScoreUpdated on Kafka → SSE event at the client: Kafka hop, gateway log insert, SSE write", toClient);
        stage(report, id, "total (wall clock, ms resolution)", total);
        if (tap.failure() != null) {
            report.fact("the Kafka tap of the " + id + " breakdown failed: " + tap.failure());
        }
    }

    private static long nanos(long millis) {
        return millis * 1_000_000L;
    }

    private static void stage(Report report, String id, String name, Samples samples) {
        if (samples.size() == 0) {
            report.breakdown("| " + id + " | " + name + " | not observed | |");
            return;
        }
        report.breakdown(String.format(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms |", id, name,
                samples.medianMillis(), samples.percentileMillis(95)));
    }
}
