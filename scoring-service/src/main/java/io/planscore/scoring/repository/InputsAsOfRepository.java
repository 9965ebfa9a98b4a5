package io.planscore.scoring.repository;

import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.domain.PeerInput;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.engine.Measurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A plan's stored inputs as they stood when the input seq reached a given value: what the live consumers had
 * applied by then, derived from the inputs alone (not from {@code superseded_by} or any state live scoring keeps).
 */
@ApplicationScoped
public class InputsAsOfRepository {

    /** Rows fetched at a time from a plan's measurements, so a large plan is streamed rather than buffered twice. */
    private static final int FETCH_SIZE = 1000;

    private final EntityManager entityManager;

    public InputsAsOfRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The highest input seq handed out so far (0 before the first input). */
    public long lastInputSeq() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM scoring_input_seq").getSingleResult())
                .longValue();
    }

    /** The plans that had a plan version by then: only they can have scorecards. */
    public List<String> planIds(long through) {
        return entityManager.createQuery("""
                        SELECT DISTINCT v.planId FROM PlanVersion v WHERE v.inputSeq <= ?1 ORDER BY v.planId""",
                        String.class)
                .setParameter(1, through).getResultList();
    }

    /** The version in force then: the highest version received (an older one arriving late never took over). */
    public Optional<PlanVersion> planVersion(String planId, long through) {
        return entityManager.createQuery("""
                        SELECT v FROM PlanVersion v WHERE v.planId = ?1 AND v.inputSeq <= ?2
                        ORDER BY v.version DESC""", PlanVersion.class)
                .setParameter(1, planId).setParameter(2, through).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /**
     * The measurements that counted then, in arrival order: not retractions, and not superseded by a correction or
     * retraction that arrived after them (one arriving before the event it names supersedes nothing, as live).
     */
    public List<Measurement> counting(String planId, long through) {
        @SuppressWarnings("unchecked")
        Stream<Object[]> stream = entityManager.createNativeQuery("""
                        SELECT m.event_id, m.indicator_id, m.component, m.period, m.value, m.recorded_at
                        FROM measurement m
                        WHERE m.plan_id = ?1 AND m.input_seq <= ?2 AND m.kind <> ?3
                          AND NOT EXISTS (SELECT 1 FROM measurement c WHERE c.supersedes = m.event_id
                                          AND c.input_seq > m.input_seq AND c.input_seq <= ?2)
                        ORDER BY m.input_seq""")
                .setParameter(1, planId).setParameter(2, through).setParameter(3, RecordedMeasurement.RETRACTION)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .getResultStream();
        try (Stream<Object[]> rows = stream) {
            return rows.map(row -> new Measurement(row[0].toString(), (String) row[1], (String) row[2],
                    (String) row[3], (BigDecimal) row[4], instant(row[5]))).toList();
        }
    }

    public List<AdminInput> adminInputs(String planId, long through) {
        return entityManager.createQuery("""
                        SELECT a FROM AdminInput a WHERE a.planId = ?1 AND a.inputSeq <= ?2 ORDER BY a.inputSeq""",
                        AdminInput.class)
                .setParameter(1, planId).setParameter(2, through).getResultList();
    }

    public List<PeerInput> peerInputs(String planId, long through) {
        return entityManager.createQuery("""
                        SELECT p FROM PeerInput p WHERE p.planId = ?1 AND p.inputSeq <= ?2 ORDER BY p.inputSeq""",
                        PeerInput.class)
                .setParameter(1, planId).setParameter(2, through).getResultList();
    }

    /** How many inputs of every kind the plan had received by then. */
    public long inputCount(String planId, long through) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT (SELECT count(*) FROM plan_version WHERE plan_id = ?1 AND input_seq <= ?2)
                             + (SELECT count(*) FROM measurement WHERE plan_id = ?1 AND input_seq <= ?2)
                             + (SELECT count(*) FROM admin_input WHERE plan_id = ?1 AND input_seq <= ?2)
                             + (SELECT count(*) FROM peer_input WHERE plan_id = ?1 AND input_seq <= ?2)""")
                .setParameter(1, planId).setParameter(2, through).getSingleResult()).longValue();
    }

    /** The seq of the plan's first input after then, if it has received one since. */
    public OptionalLong firstInputAfter(String planId, long through) {
        Object first = entityManager.createNativeQuery("""
                        SELECT min(seq) FROM (
                          SELECT min(input_seq) AS seq FROM plan_version WHERE plan_id = ?1 AND input_seq > ?2
                          UNION ALL SELECT min(input_seq) FROM measurement WHERE plan_id = ?1 AND input_seq > ?2
                          UNION ALL SELECT min(input_seq) FROM admin_input WHERE plan_id = ?1 AND input_seq > ?2
                          UNION ALL SELECT min(input_seq) FROM peer_input WHERE plan_id = ?1 AND input_seq > ?2
                        ) after""")
                .setParameter(1, planId).setParameter(2, through).getSingleResult();
        return first == null ? OptionalLong.empty() : OptionalLong.of(((Number) first).longValue());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
