package io.planscore.measurements.service;

import io.planscore.platform.security.ServiceIdentity;

import java.util.Locale;

/**
 * Who is submitting: the verified service identity of an HTTP call, or the topic a Kafka record was written
 * to (which the broker's ACLs bind to one Kafka user). {@code admin} may post for any plan; {@code agency}
 * only for plans of its own agency; {@code viewer} may not post.
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

    public static Caller of(ServiceIdentity identity) {
        return new Caller(Role.valueOf(identity.role().name().toUpperCase(Locale.ROOT)), identity.agencyId(),
                identity.principal());
    }

    /** A record on the plain submitted topic, which the broker's ACLs let only administrators' integrations write. */
    public static Caller kafkaAdmin() {
        return new Caller(Role.ADMIN, null, "kafka:admin");
    }

    /** A record on an agency's submitted topic, which the broker's ACLs let only that agency's Kafka user write. */
    public static Caller kafkaAgency(String agencyId) {
        return new Caller(Role.AGENCY, agencyId, "kafka:agency-" + agencyId);
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
