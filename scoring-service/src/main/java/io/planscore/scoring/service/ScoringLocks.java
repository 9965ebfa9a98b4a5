package io.planscore.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks, held until the transaction ends. Live updates of one plan are applied one
 * at a time whichever topic they come from; a rebuild verifies a plan under the same lock, so it never
 * sees half of a live update.
 */
@ApplicationScoped
public class ScoringLocks {

    private final EntityManager entityManager;

    public ScoringLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Plans locked together are locked in plan id order, so two such transactions cannot deadlock. */
    void lockPlans(java.util.SortedSet<String> planIds) {
        planIds.forEach(this::lockPlan);
    }

    void lockPlan(String planId) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, planId)
                .getSingleResult();
    }

    /** Membership of a peer group changes one report at a time, even across replicas during a rebalance. */
    void lockPeerGroup(String peerGroup) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "peer-group:" + peerGroup).getSingleResult();
    }
}
