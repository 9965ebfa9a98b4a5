package io.planscore.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The durable log of score updates that every gateway replica shares: the source of live updates
 * (each replica tails it) and of catch-ups. Appends are serialised by an advisory lock, so an id is
 * taken and committed before the next one: ids grow in commit order, and "everything after id N" never
 * gains a smaller id later. Reads come in pages bounded in rows and in bytes.
 */
@ApplicationScoped
public class ScoreUpdateLog {

    /** Arbitrary, fixed: the advisory-lock id that serialises appends in the gateway's database. */
    private static final long APPEND_LOCK = 0x5c07e_10dL;
    private static final String COLUMNS = "u.id, u.plan_id, u.agency_id, u.year, u.score_version, u.body";
    private static final String FILTER =
            " (CAST(?1 AS TEXT) IS NULL OR u.plan_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR u.agency_id = ?2) ";

    private final EntityManager entityManager;

    public ScoreUpdateLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A {@code ScoreUpdated} as read from Kafka, at {@code partition}/{@code offset}. */
    public record Received(UUID eventId, int partition, long offset, String planId, String agencyId, int year,
                           long scoreVersion, String body) {
    }

    private record PlanYear(String planId, int year) {
    }

    private static final String INSERT = """
            INSERT INTO score_update (event_id, kafka_partition, kafka_offset, plan_id, agency_id, year, score_version,
                                      body, received_at)
            SELECT event_id, kafka_partition, kafka_offset, plan_id, agency_id, year, score_version, body, now()
            FROM unnest(?::uuid[], ?::int[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::bigint[], ?::text[])
                 WITH ORDINALITY AS t(event_id, kafka_partition, kafka_offset, plan_id, agency_id, year, score_version,
                                      body, n)
            ORDER BY n
            ON CONFLICT (event_id) DO NOTHING RETURNING id, plan_id, year""";
    private static final String LATEST = """
            INSERT INTO score_update_latest (plan_id, year, update_id)
            SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[])
            ON CONFLICT (plan_id, year) DO UPDATE SET update_id = EXCLUDED.update_id""";

    /**
     * Appends a poll's updates in their order, except those logged already (by another replica, or an earlier
     * delivery): one transaction and a few statements for the whole poll, however many updates it holds.
     */
    @Transactional
    public void append(List<Received> poll) {
        Map<UUID, Received> fresh = new LinkedHashMap<>();
        poll.forEach(update -> fresh.putIfAbsent(update.eventId(), update));
        entityManager.unwrap(Session.class).doWork(connection -> {
            fresh.keySet().removeAll(logged(connection, fresh.keySet()));
            if (fresh.isEmpty()) {
                return;
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
            Map<PlanYear, Long> latest = new LinkedHashMap<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                List<Received> updates = List.copyOf(fresh.values());
                insert.setArray(1, connection.createArrayOf("uuid", column(updates, Received::eventId)));
                insert.setArray(2, connection.createArrayOf("int4", column(updates, Received::partition)));
                insert.setArray(3, connection.createArrayOf("int8", column(updates, Received::offset)));
                insert.setArray(4, connection.createArrayOf("text", column(updates, Received::planId)));
                insert.setArray(5, connection.createArrayOf("text", column(updates, Received::agencyId)));
                insert.setArray(6, connection.createArrayOf("int4", column(updates, Received::year)));
                insert.setArray(7, connection.createArrayOf("int8", column(updates, Received::scoreVersion)));
                insert.setArray(8, connection.createArrayOf("text", column(updates, Received::body)));
                try (ResultSet ids = insert.executeQuery()) {
                    while (ids.next()) {
                        // ids grow with the poll's order: the last one of a plan-year is its latest
                        latest.put(new PlanYear(ids.getString(2), ids.getInt(3)), ids.getLong(1));
                    }
                }
            }
            if (!latest.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement(LATEST)) {
                    upsert.setArray(1, connection.createArrayOf("text",
                            latest.keySet().stream().map(PlanYear::planId).toArray()));
                    upsert.setArray(2, connection.createArrayOf("int4",
                            latest.keySet().stream().map(PlanYear::year).toArray()));
                    upsert.setArray(3, connection.createArrayOf("int8", latest.values().toArray()));
                    upsert.executeUpdate();
                }
            }
        });
    }

    private static Set<UUID> logged(Connection connection, Set<UUID> eventIds) throws SQLException {
        Set<UUID> logged = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT event_id FROM score_update WHERE event_id = ANY(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    logged.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return logged;
    }

    private static Object[] column(List<Received> updates, Function<Received, Object> field) {
        return updates.stream().map(field).toArray();
    }

    /** The id of the latest update, 0 when the log is empty. */
    @Transactional
    public long latestId() {
        return ((Number) entityManager.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM score_update")
                .getSingleResult()).longValue();
    }

    /** Where reading {@code partition} resumes: after its last logged offset; empty if none is logged. */
    @Transactional
    public OptionalLong nextOffset(int partition) {
        Number last = (Number) entityManager.createNativeQuery(
                        "SELECT MAX(kafka_offset) FROM score_update WHERE kafka_partition = ?1")
                .setParameter(1, partition).getSingleResult();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last.longValue() + 1);
    }

    /** The next page of matching updates after {@code afterId}, in id order: what a subscriber missed. */
    @Transactional
    public List<ScoreUpdate> after(long afterId, String planId, String agencyId, PageLimit limit) {
        return page("SELECT " + COLUMNS + " FROM score_update u WHERE" + FILTER + "AND u.id > ?3 ORDER BY u.id LIMIT ?4",
                planId, agencyId, afterId, limit);
    }

    /**
     * The next page, in id order after {@code afterId}, of the matching plan-years' latest updates: what a
     * new subscriber sees first.
     */
    @Transactional
    public List<ScoreUpdate> latestAfter(long afterId, String planId, String agencyId, PageLimit limit) {
        return page("SELECT " + COLUMNS + " FROM score_update_latest l JOIN score_update u ON u.id = l.update_id"
                + " WHERE" + FILTER + "AND l.update_id > ?3 ORDER BY l.update_id LIMIT ?4", planId, agencyId, afterId,
                limit);
    }

    /** At most {@code rows} updates, and no more than {@code bytes} of bodies except for a page's first. */
    public record PageLimit(int rows, int bytes) {
    }

    @SuppressWarnings("unchecked")
    private List<ScoreUpdate> page(String rowsSql, String planId, String agencyId, long afterId, PageLimit limit) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT id, plan_id, agency_id, year, score_version, body FROM (
                            SELECT page.*, SUM(octet_length(body)) OVER (ORDER BY id) - octet_length(body) AS bytes_before
                            FROM (%s) page) sized
                        WHERE bytes_before < ?5 ORDER BY id""".formatted(rowsSql))
                .setParameter(1, planId).setParameter(2, agencyId).setParameter(3, afterId)
                .setParameter(4, limit.rows()).setParameter(5, limit.bytes())
                .getResultList();
        return rows.stream()
                .map(row -> new ScoreUpdate(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        ((Number) row[3]).intValue(), ((Number) row[4]).longValue(), (String) row[5]))
                .toList();
    }
}
