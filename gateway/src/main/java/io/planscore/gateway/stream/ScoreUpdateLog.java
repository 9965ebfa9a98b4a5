package io.planscore.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The gateway's durable log of score updates, the source of SSE replays. */
@ApplicationScoped
public class ScoreUpdateLog {

    private static final String COLUMNS = "id, plan_id, agency_id, year, score_version, body";
    private static final String FILTER = " (CAST(?1 AS TEXT) IS NULL OR plan_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR agency_id = ?2) ";

    private final EntityManager entityManager;

    public ScoreUpdateLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Appends an update, or finds it when its event was logged before (a redelivery, or another gateway
     * instance was first): either way the update with its durable id, which subscribers deduplicate on.
     */
    @Transactional
    public ScoreUpdate append(UUID eventId, String planId, String agencyId, int year, long scoreVersion,
                                        String body) {
        List<?> ids = entityManager.createNativeQuery("""
                        INSERT INTO score_update (event_id, plan_id, agency_id, year, score_version, body, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id) DO UPDATE SET event_id = EXCLUDED.event_id RETURNING id""")
                .setParameter(1, eventId).setParameter(2, planId).setParameter(3, agencyId).setParameter(4, year)
                .setParameter(5, scoreVersion).setParameter(6, body).setParameter(7, Instant.now())
                .getResultList();
        return new ScoreUpdate(((Number) ids.get(0)).longValue(), planId, agencyId, year, scoreVersion, body);
    }

    /** The latest update of every plan-year that matches: what a new subscriber sees first. */
    @Transactional
    public List<ScoreUpdate> current(String planId, String agencyId) {
        return query("SELECT * FROM (SELECT DISTINCT ON (plan_id, year) " + COLUMNS + " FROM score_update WHERE" + FILTER
                + "ORDER BY plan_id, year, id DESC) latest ORDER BY id", planId, agencyId, null);
    }

    /** Every matching update after {@code lastEventId}, in order: what a resuming subscriber missed. */
    @Transactional
    public List<ScoreUpdate> after(long lastEventId, String planId, String agencyId) {
        return query("SELECT " + COLUMNS + " FROM score_update WHERE" + FILTER + "AND id > ?3 ORDER BY id",
                planId, agencyId, lastEventId);
    }

    @SuppressWarnings("unchecked")
    private List<ScoreUpdate> query(String sql, String planId, String agencyId, Long after) {
        var query = entityManager.createNativeQuery(sql).setParameter(1, planId).setParameter(2, agencyId);
        if (after != null) {
            query.setParameter(3, after);
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new ScoreUpdate(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        ((Number) row[3]).intValue(), ((Number) row[4]).longValue(), (String) row[5]))
                .toList();
    }
}
