package io.planscore.scoring.repository;

import io.planscore.scoring.engine.measure.LiveValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The live_value table (migration V4): per plan, indicator, component and period, the aggregate of the live
 * measurement events, as {@link LiveValue#of} computes it. A cell is aggregated again from its events whenever one
 * arrives or is superseded, in the same transaction, so it never disagrees with the events.
 */
@ApplicationScoped
public class LiveValueRepository {

    /** The cells of the given new events and of the events they supersede. */
    private static final String AFFECTED = """
            SELECT DISTINCT c.plan_id, c.indicator_id, coalesce(c.component, '') AS component, c.period
            FROM measurement c
            WHERE c.event_id = ANY(?) OR c.event_id IN (SELECT supersedes FROM measurement WHERE event_id = ANY(?))""";

    private static final String CLEAR = "DELETE FROM live_value v USING (" + AFFECTED + """
            ) a WHERE v.plan_id = a.plan_id AND v.indicator_id = a.indicator_id AND v.component = a.component
              AND v.period = a.period""";

    private static final String AGGREGATE = """
            INSERT INTO live_value
            SELECT m.plan_id, m.indicator_id, a.component, m.period, count(*), sum(m.value),
                   (array_agg(m.value ORDER BY m.value DESC NULLS LAST, m.recorded_at, m.event_id))[1],
                   (array_agg(m.event_id ORDER BY m.value DESC NULLS LAST, m.recorded_at, m.event_id))[1],
                   (array_agg(m.recorded_at ORDER BY m.value DESC NULLS LAST, m.recorded_at, m.event_id))[1],
                   (array_agg(m.value ORDER BY m.recorded_at DESC, m.event_id DESC))[1],
                   (array_agg(m.event_id ORDER BY m.recorded_at DESC, m.event_id DESC))[1],
                   max(m.recorded_at)
            FROM measurement m JOIN (""" + AFFECTED + """
            ) a ON m.plan_id = a.plan_id AND m.indicator_id = a.indicator_id AND m.period = a.period
                AND coalesce(m.component, '') = a.component
            WHERE m.superseded_by IS NULL AND m.kind <> 'retraction'
            GROUP BY m.plan_id, m.indicator_id, a.component, m.period""";

    private final EntityManager entityManager;

    public LiveValueRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Aggregates again the cells that newly stored events (and the events they superseded) belong to. */
    public void refresh(Collection<UUID> newEventIds) {
        if (newEventIds.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf("uuid", newEventIds.toArray());
            for (String statement : List.of(CLEAR, AGGREGATE)) {
                try (PreparedStatement update = connection.prepareStatement(statement)) {
                    update.setArray(1, ids);
                    update.setArray(2, ids);
                    update.executeUpdate();
                }
            }
        });
    }

    /** Everything a recomputation of the plan reads of its measurements. */
    public List<LiveValue> ofPlan(String planId) {
        List<LiveValue> values = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT indicator_id, component, period, event_count, sum, max_value, max_event_id, max_recorded_at,
                           last_value, last_event_id, last_recorded_at
                    FROM live_value WHERE plan_id = ?""")) {
                select.setString(1, planId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String component = rows.getString(2);
                        values.add(new LiveValue(rows.getString(1), component.isEmpty() ? null : component,
                                rows.getString(3), rows.getInt(4), rows.getBigDecimal(5), rows.getBigDecimal(6),
                                rows.getObject(7, UUID.class).toString(),
                                rows.getObject(8, OffsetDateTime.class).toInstant(), rows.getBigDecimal(9),
                                rows.getObject(10, UUID.class).toString(),
                                rows.getObject(11, OffsetDateTime.class).toInstant(), List.of()));
                    }
                }
            }
        });
        return values;
    }
}
