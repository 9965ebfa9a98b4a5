package io.planscore.scoring.repository;

import io.planscore.scoring.domain.ScorecardSummary;
import io.planscore.scoring.domain.ScorecardVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ScorecardRepository implements PanacheRepositoryBase<ScorecardVersion, ScorecardVersion.Key> {

    public Optional<ScorecardVersion> latest(String planId, int year) {
        return find("planId = ?1 AND year = ?2 ORDER BY scoreVersion DESC", planId, year).firstResultOptional();
    }

    /** The version in force at {@code asOf}: the newest computed at or before it. */
    public Optional<ScorecardVersion> asOf(String planId, int year, Instant asOf) {
        return find("planId = ?1 AND year = ?2 AND computedAt <= ?3 ORDER BY scoreVersion DESC", planId, year, asOf)
                .firstResultOptional();
    }

    /**
     * The newest version incorporating no input of the plan at or after seq {@code before}: the one that was current
     * while the plan's inputs stood just below it.
     */
    public Optional<ScorecardVersion> incorporatingOnlyBefore(String planId, int year, long before) {
        return find("planId = ?1 AND year = ?2 AND inputsThrough < ?3 ORDER BY scoreVersion DESC", planId, year,
                before).firstResultOptional();
    }

    /** The most recently computed scorecard of any year of the plan. */
    public Optional<ScorecardVersion> latestOfAnyYear(String planId) {
        return find("planId = ?1 ORDER BY computedAt DESC, scoreVersion DESC", planId).firstResultOptional();
    }

    public Optional<ScorecardVersion> version(String planId, int year, long scoreVersion) {
        return findByIdOptional(new ScorecardVersion.Key(planId, year, scoreVersion));
    }

    /** One page of a plan-year's versions as summaries, by score version; no body is read. */
    public List<ScorecardSummary> history(String planId, int year, boolean newestFirst, int page, int size) {
        return getEntityManager().createQuery("""
                        SELECT new io.planscore.scoring.domain.ScorecardSummary(s.scoreVersion, s.planVersion,
                          s.computedAt, s.triggerEventId, s.triggerType, s.totalScore, s.maxScore, s.coverage,
                          s.indicatorsWithTarget, s.indicatorsScored, s.statusMet, s.statusAtRisk, s.statusOffTrack,
                          s.statusPending, s.statusNotScored)
                        FROM ScorecardVersion s WHERE s.planId = ?1 AND s.year = ?2
                        ORDER BY s.scoreVersion""" + (newestFirst ? " DESC" : ""), ScorecardSummary.class)
                .setParameter(1, planId).setParameter(2, year)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultList();
    }

    /** How many versions a plan-year has: versions are numbered from 1 without gaps, so the newest one's number. */
    public long versionCount(String planId, int year) {
        return nextVersion(planId, year) - 1;
    }

    /**
     * The highest arrival seq among the plan's inputs (plan versions, measurements, administrators' and peer
     * inputs). Read under the plan's lock, it marks exactly the inputs a recomputation sees.
     */
    public long inputsThrough(String planId) {
        return ((Number) getEntityManager().createNativeQuery("""
                        SELECT greatest(
                          (SELECT max(input_seq) FROM plan_version WHERE plan_id = ?1),
                          (SELECT max(input_seq) FROM measurement WHERE plan_id = ?1),
                          (SELECT max(input_seq) FROM admin_input WHERE plan_id = ?1),
                          (SELECT max(input_seq) FROM peer_input WHERE plan_id = ?1))""")
                .setParameter(1, planId).getSingleResult()).longValue();
    }

    /** The primary key's index answers this alone: no scorecard body is read. */
    public long nextVersion(String planId, int year) {
        return getEntityManager().createQuery("""
                        SELECT coalesce(max(s.scoreVersion), 0) + 1 FROM ScorecardVersion s
                        WHERE s.planId = ?1 AND s.year = ?2""", Long.class)
                .setParameter(1, planId).setParameter(2, year).getSingleResult();
    }
}
