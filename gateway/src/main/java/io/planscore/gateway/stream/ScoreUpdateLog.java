package io.planscore.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

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

    /** Appends an update read at {@code partition}/{@code offset}, unless its event is logged already. */
    @Transactional
    public void append(UUID eventId, int partition, long offset, String planId, String agencyId, int year,
                       long scoreVersion, String body) {
        if (!entityManager.createNativeQuery("SELECT 1 FROM score_update WHERE event_id = ?1")
                .setParameter(1, eventId).getResultList().isEmpty()) {
            return; // another replica, or an earlier delivery, was first
        }
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) locked")
                .setParameter(1, APPEND_LOCK).getSingleResult();
        List<?> ids = entityManager.createNativeQuery("""
                        INSERT INTO score_update (event_id, kafka_partition, kafka_offset, plan_id, agency_id, year,
                                                  score_version, body, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (event_id) DO NOTHING RETURNING id""")
                .setParameter(1, eventId).setParameter(2, partition).setParameter(3, offset).setParameter(4, planId)
                .setParameter(5, agencyId).setParameter(6, year).setParameter(7, scoreVersion).setParameter(8, body)
                .setParameter(9, Instant.now())
                .getResultList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("""
                            INSERT INTO score_update_latest (plan_id, year, update_id) VALUES (?1, ?2, ?3)
                            ON CONFLICT (plan_id, year) DO UPDATE SET update_id = EXCLUDED.update_id""")
                    .setParameter(1, planId).setParameter(2, year).setParameter(3, ((Number) ids.get(0)).longValue())
                    .executeUpdate();
        }
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
