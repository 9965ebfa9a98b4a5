package io.planscore.scoring.repository;

import io.planscore.engine.measure.LiveValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The live_value table (migration V4): per plan, indicator, component and period, the aggregate of the live
 * measurement events, as {@link LiveValue#of} computes it, maintained in the transaction that stores the events so
 * that it never disagrees with them. New events are merged into their cells' aggregates (count and sum add up,
 * max and last are the greater of two), so a batch costs in proportion to its own events, not to the history;
 * only a cell that loses an event (a correction or retraction supersedes it) is aggregated again from its events.
 */
@ApplicationScoped
public class LiveValueRepository {

    /** The cells of the events that the given new events supersede: they lose an event. */
    private static final String LOSING = """
            SELECT DISTINCT t.plan_id, t.indicator_id, coalesce(t.component, ''), t.period
            FROM measurement n JOIN measurement t ON t.event_id = n.supersedes
            WHERE n.event_id = ANY(?)""";

    /** The aggregate of the live events, per cell, among those the condition selects. */
    private static final String AGGREGATE = """
            SELECT m.plan_id, m.indicator_id, coalesce(m.component, ''), m.period, count(*), sum(m.value),
                   (array_agg(m.value ORDER BY m.value DESC NULLS LAST, m.recorded_at, m.event_id))[1],
                   (array_agg(m.event_id ORDER BY m.value DESC NULLS LAST, m.recorded_at, m.event_id))[1],
                   (array_agg(m.recorded_at ORDER BY m.value DESC NULLS LAST, m.recorded_at, m.event_id))[1],
                   (array_agg(m.value ORDER BY m.recorded_at DESC, m.event_id DESC))[1],
                   (array_agg(m.event_id ORDER BY m.recorded_at DESC, m.event_id DESC))[1],
                   max(m.recorded_at)
            FROM measurement m
            WHERE m.superseded_by IS NULL AND m.kind <> 'retraction' AND %s
            GROUP BY m.plan_id, m.indicator_id, coalesce(m.component, ''), m.period""";

    /** The cells given as four parallel arrays (plan, indicator, component, period). */
    private static final String CELLS = "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])";

    private static final String CLEAR = """
            DELETE FROM live_value WHERE (plan_id, indicator_id, component, period) IN (""" + CELLS + ")";

    private static final String AGGREGATE_AGAIN = "INSERT INTO live_value " + AGGREGATE.formatted("""
            (m.plan_id, m.indicator_id, m.period) IN (SELECT c.plan_id, c.indicator_id, c.period FROM (""" + CELLS
            + """
            ) c(plan_id, indicator_id, component, period))
            AND (m.plan_id, m.indicator_id, coalesce(m.component, ''), m.period) IN (""" + CELLS + ")");

    /**
     * The new events' aggregates merged into their cells (cells that lose an event excepted: they are aggregated
     * again). Max is the first greatest value in (recorded_at, event_id) order, last the final event in it; each SET
     * expression reads the row as it was.
     */
    private static final String MERGE = "INSERT INTO live_value AS v " + AGGREGATE.formatted("""
            m.event_id = ANY(?)
            AND (m.plan_id, m.indicator_id, coalesce(m.component, ''), m.period) NOT IN (""" + CELLS + ")") + """

            ON CONFLICT (plan_id, indicator_id, component, period) DO UPDATE SET
              event_count = v.event_count + excluded.event_count,
              sum = CASE WHEN v.sum IS NULL THEN excluded.sum WHEN excluded.sum IS NULL THEN v.sum
                         ELSE v.sum + excluded.sum END,
              max_value = CASE WHEN %1$s THEN excluded.max_value ELSE v.max_value END,
              max_event_id = CASE WHEN %1$s THEN excluded.max_event_id ELSE v.max_event_id END,
              max_recorded_at = CASE WHEN %1$s THEN excluded.max_recorded_at ELSE v.max_recorded_at END,
              last_value = CASE WHEN %2$s THEN excluded.last_value ELSE v.last_value END,
              last_event_id = CASE WHEN %2$s THEN excluded.last_event_id ELSE v.last_event_id END,
              last_recorded_at = CASE WHEN %2$s THEN excluded.last_recorded_at ELSE v.last_recorded_at END"""
            .formatted("""
                    (CASE WHEN excluded.max_value IS DISTINCT FROM v.max_value AND excluded.max_value IS NOT NULL
                            AND v.max_value IS NOT NULL THEN excluded.max_value > v.max_value
                          WHEN excluded.max_value IS NULL AND v.max_value IS NOT NULL THEN false
                          WHEN excluded.max_value IS NOT NULL AND v.max_value IS NULL THEN true
                          ELSE (excluded.max_recorded_at, excluded.max_event_id)
                               < (v.max_recorded_at, v.max_event_id) END)""",
                    "(excluded.last_recorded_at, excluded.last_event_id) > (v.last_recorded_at, v.last_event_id)");

    private final EntityManager entityManager;

    public LiveValueRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Brings the cells of newly stored events (and of the events they superseded) up to date. */
    public void refresh(Collection<UUID> newEventIds) {
        if (newEventIds.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array ids = connection.createArrayOf("uuid", newEventIds.toArray());
            List<List<String>> losing = losingCells(connection, ids);
            List<Array> cells = cells(connection, losing);
            if (!losing.get(0).isEmpty()) {
                execute(connection, CLEAR, cells);
                execute(connection, AGGREGATE_AGAIN, concat(cells, cells));
            }
            execute(connection, MERGE, concat(List.of(ids), cells));
        });
    }

    /** The cells that lose an event, as four columns: plan, indicator, component, period. */
    private static List<List<String>> losingCells(Connection connection, Array newEventIds) throws SQLException {
        List<List<String>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        try (PreparedStatement select = connection.prepareStatement(LOSING)) {
            select.setArray(1, newEventIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    for (int column = 0; column < 4; column++) {
                        columns.get(column).add(rows.getString(column + 1));
                    }
                }
            }
        }
        return columns;
    }

    /** The four columns of cells as the arrays {@link #CELLS} reads. */
    private static List<Array> cells(Connection connection, List<List<String>> columns) throws SQLException {
        List<Array> arrays = new ArrayList<>();
        for (List<String> column : columns) {
            arrays.add(connection.createArrayOf("text", column.toArray()));
        }
        return arrays;
    }

    private static void execute(Connection connection, String statement, List<Array> parameters)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.size(); i++) {
                update.setArray(i + 1, parameters.get(i));
            }
            update.executeUpdate();
        }
    }

    private static List<Array> concat(List<Array> first, List<Array> second) {
        List<Array> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
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
