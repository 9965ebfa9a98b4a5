package io.planscore.measurements.service;

import java.util.Locale;

/**
 * Who is submitting, as the gateway says ({@code X-Planscore-Role}, {@code X-Planscore-Agency},
 * {@code X-Planscore-Principal}). {@code admin} may post for any plan; {@code agency} only for plans
 * of its own agency; {@code viewer} may not post.
 */
public record Caller(Role role, String agencyId, String principal) {

    public enum Role { ADMIN, AGENCY, VIEWER;

        public static Role parse(String text) {
            if (text == null) {
                return null;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** Kafka submissions without identity headers: the broker's ACLs decided who may write. */
    public static Caller trustedKafka() {
        return new Caller(Role.ADMIN, null, "kafka");
    }

    /** May this caller post for a plan owned by {@code planAgencyId}? */
    public boolean mayPostFor(String planAgencyId) {
        return switch (role) {
            case ADMIN -> true;
            case AGENCY -> agencyId != null && agencyId.equals(planAgencyId);
            case VIEWER -> false;
        };
    }
}
