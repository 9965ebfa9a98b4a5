package io.planscore.scoring.repository;

import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.engine.Measurement;
import io.planscore.scoring.events.MeasurementRecorded;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<RecordedMeasurement, UUID> {

    private static final String INSERT = """
            INSERT INTO measurement (event_id, plan_id, indicator_id, component, period, year, value, kind, supersedes,
              recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Marks what the new events supersede, as when events are applied one by one: an event is superseded only by
     * one that arrived after it; of several, superseded_by names the last, and superseded_seq keeps the arrival
     * seq of the first (from which on it no longer counted).
     */
    private static final String SUPERSEDE = """
            UPDATE measurement superseded
            SET superseded_by = s.last_id, superseded_seq = coalesce(superseded.superseded_seq, s.first_seq)
            FROM (SELECT target.event_id AS target_id,
                         (array_agg(n.event_id ORDER BY n.input_seq DESC))[1] AS last_id,
                         min(n.input_seq) AS first_seq
                  FROM measurement n JOIN measurement target
                    ON target.event_id = n.supersedes AND target.input_seq < n.input_seq
                  WHERE n.event_id = ANY(?) GROUP BY target.event_id) s
            WHERE superseded.event_id = s.target_id""";

    private static final String PROJECTION = """
            SELECT m.eventId, m.indicatorId, m.component, m.period, m.value, m.recordedAt
            FROM RecordedMeasurement m
            """;

    /**
     * Every event of the plan that counts now, all years (earlier years feed baselines), as the engine reads them.
     * Live recomputations read their aggregate instead (live_value); this is what it must equal. A projection, not
     * entities, so that no flush dirty-checks a plan's history.
     */
    public List<Measurement> counting(String planId) {
        return project(getEntityManager().createQuery(PROJECTION
                        + "WHERE m.planId = ?1 AND m.supersededBy IS NULL AND m.kind <> ?2 ORDER BY m.inputSeq",
                        Object[].class)
                .setParameter(1, planId).setParameter(2, RecordedMeasurement.RETRACTION));
    }

    /** {@link #counting} as it was when the plan's inputs went up to arrival seq {@code inputsThrough}. */
    public List<Measurement> countingAsOf(String planId, long inputsThrough) {
        return project(getEntityManager().createQuery(PROJECTION + """
                         WHERE m.planId = ?1 AND m.inputSeq <= ?3 AND m.kind <> ?2
                         AND (m.supersededSeq IS NULL OR m.supersededSeq > ?3) ORDER BY m.inputSeq""", Object[].class)
                .setParameter(1, planId).setParameter(2, RecordedMeasurement.RETRACTION)
                .setParameter(3, inputsThrough));
    }

    private static List<Measurement> project(TypedQuery<Object[]> query) {
        return query.getResultStream()
                .map(row -> new Measurement(row[0].toString(), (String) row[1], (String) row[2], (String) row[3],
                        (BigDecimal) row[4], (Instant) row[5]))
                .toList();
    }

    /**
     * Stores the events not stored before, in their order (which is their arrival order, input_seq), in one round
     * trip, and marks the events they supersede. Returns the ids of the events stored now.
     */
    public Set<UUID> storeNew(List<MeasurementRecorded> events) {
        Map<UUID, MeasurementRecorded> fresh = new LinkedHashMap<>();
        events.forEach(event -> fresh.putIfAbsent(event.eventId(), event));
        if (fresh.isEmpty()) {
            return Set.of();
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            fresh.keySet().removeAll(stored(connection, fresh.keySet()));
            if (fresh.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (MeasurementRecorded event : fresh.values()) {
                    insert.setObject(1, event.eventId());
                    insert.setString(2, event.planId());
                    insert.setString(3, event.indicatorId());
                    insert.setString(4, event.component());
                    insert.setString(5, event.period());
                    insert.setInt(6, event.year());
                    insert.setBigDecimal(7, event.value());
                    insert.setString(8, event.kind());
                    if (event.supersedes() == null) {
                        insert.setNull(9, Types.OTHER);
                    } else {
                        insert.setObject(9, event.supersedes());
                    }
                    insert.setObject(10, OffsetDateTime.ofInstant(
                            event.recordedAt() == null ? Instant.now() : event.recordedAt(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement supersede = connection.prepareStatement(SUPERSEDE)) {
                supersede.setArray(1, connection.createArrayOf("uuid", fresh.keySet().toArray()));
                supersede.executeUpdate();
            }
        });
        return Set.copyOf(fresh.keySet());
    }

    private static Set<UUID> stored(Connection connection, Set<UUID> eventIds) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id FROM measurement WHERE event_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return stored;
    }

    public List<RecordedMeasurement> byIds(List<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("eventId IN ?1 ORDER BY inputSeq", ids);
    }
}
