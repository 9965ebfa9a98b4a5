package io.planscore.scoring.repository;

import io.planscore.scoring.domain.PeerInput;
import io.planscore.engine.PeerStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalLong;

/** Peer groups of rank_bonus indicators: what each plan announced, and who the members are. */
@ApplicationScoped
public class PeerGroupRepository {

    private final EntityManager entityManager;

    public PeerGroupRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the plan's standing unless it already announced that very value; the sequence number of a new
     * announcement, or empty when nothing changed.
     */
    public OptionalLong announce(String planId, PeerStanding standing) {
        List<?> changed = nativeQuery("""
                        INSERT INTO peer_announcement (plan_id, peer_group, indicator_id, year, value)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (plan_id, peer_group, indicator_id, year) DO UPDATE
                          SET value = EXCLUDED.value, seq = nextval('peer_announcement_seq')
                          WHERE peer_announcement.value IS DISTINCT FROM EXCLUDED.value
                        RETURNING seq""")
                .setParameter(1, planId).setParameter(2, standing.peerGroup())
                .setParameter(3, standing.indicatorId()).setParameter(4, standing.year())
                .setParameter(5, standing.value(), BigDecimal.class)
                .getResultList();
        return changed.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) changed.get(0)).longValue());
    }

    /** The members of a group on one indicator-year and their latest values, by plan id. */
    public List<PeerInput.Result> members(String peerGroup, String indicatorId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT plan_id, value FROM peer_member
                        WHERE peer_group = ?1 AND indicator_id = ?2 AND year = ?3 ORDER BY plan_id""")
                .setParameter(1, peerGroup).setParameter(2, indicatorId).setParameter(3, year)
                .getResultList();
        return rows.stream().map(row -> new PeerInput.Result((String) row[0], (BigDecimal) row[1], false)).toList();
    }

    /** The groups the plan has announced itself to, as its latest standings there. */
    public List<PeerStanding> announcedBy(String planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT peer_group, indicator_id, year, value FROM peer_announcement WHERE plan_id = ?1")
                .setParameter(1, planId).getResultList();
        return rows.stream().map(row -> new PeerStanding((String) row[0], (String) row[1],
                ((Number) row[2]).intValue(), (BigDecimal) row[3])).toList();
    }

    /** Forgets the plan's announcement to a group it left; the sequence number of the withdrawal. */
    public long withdraw(String planId, PeerStanding standing) {
        nativeQuery("DELETE FROM peer_announcement WHERE plan_id = ?1 AND peer_group = ?2 AND indicator_id = ?3"
                + " AND year = ?4")
                .setParameter(1, planId).setParameter(2, standing.peerGroup())
                .setParameter(3, standing.indicatorId()).setParameter(4, standing.year()).executeUpdate();
        return ((Number) entityManager.createNativeQuery("SELECT nextval('peer_announcement_seq')")
                .getSingleResult()).longValue();
    }

    public void removeMember(String peerGroup, String indicatorId, int year, String planId) {
        nativeQuery("DELETE FROM peer_member WHERE peer_group = ?1 AND indicator_id = ?2 AND year = ?3"
                + " AND plan_id = ?4")
                .setParameter(1, peerGroup).setParameter(2, indicatorId).setParameter(3, year)
                .setParameter(4, planId).executeUpdate();
    }

    public void putMember(String peerGroup, String indicatorId, int year, PeerInput.Result member) {
        nativeQuery("""
                        INSERT INTO peer_member (peer_group, indicator_id, year, plan_id, value) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (peer_group, indicator_id, year, plan_id) DO UPDATE SET value = EXCLUDED.value""")
                .setParameter(1, peerGroup).setParameter(2, indicatorId).setParameter(3, year)
                .setParameter(4, member.planId()).setParameter(5, member.value(), BigDecimal.class)
                .executeUpdate();
    }

    /** Hibernate's query, which binds a null value with its type (NUMERIC), where plain JPA cannot. */
    @SuppressWarnings("unchecked")
    private NativeQuery<Object> nativeQuery(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
    }
}
