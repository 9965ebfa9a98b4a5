package io.planscore.gateway.stream;

/** One streamed score update: {@code id} is its SSE event id, {@code body} the ScoreUpdated payload. */
public record ScoreUpdate(long id, String planId, String agencyId, int year, long scoreVersion, String body) {

    boolean matches(String planFilter, String agencyFilter) {
        return (planFilter == null || planFilter.equals(planId))
                && (agencyFilter == null || agencyFilter.equals(agencyId));
    }
}
