package io.planscore.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks, held until the transaction ends. Live updates of one plan are applied one
 * at a time whichever topic they come from, and all of them (shared) exclude a rebuild (exclusive).
 */
@ApplicationScoped
public class ScoringLocks {

    private static final long REBUILD = 0x7265627569L;

    private final EntityManager entityManager;

    public ScoringLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Plans locked together are locked in plan id order, so two such transactions cannot deadlock. */
    void lockPlans(java.util.SortedSet<String> planIds) {
        planIds.forEach(this::lockPlan);
    }

    void lockPlan(String planId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + REBUILD + ")").getSingleResult();
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, planId)
                .getSingleResult();
    }

    /** Membership of a peer group changes one report at a time, even across replicas during a rebalance. */
    void lockPeerGroup(String peerGroup) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "peer-group:" + peerGroup).getSingleResult();
    }

    void lockForRebuild() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + REBUILD + ")").getSingleResult();
    }
}
