package io.planscore.measurements.repository;

import io.planscore.measurements.domain.Measurement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    private static final String INSERT = """
            INSERT INTO measurement (event_id, plan_id, plan_version, agency_id, indicator_id, component, period, year,
              value, unit, kind, supersedes, status, observed_at, note, evidence_url, recorded_at, submitted_by, channel,
              body_hash, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";
    private static final String SUPERSEDE = """
            UPDATE measurement m SET superseded_by = s.superseded_by, status = s.status
            FROM unnest(?::uuid[], ?::uuid[], ?::text[]) AS s(event_id, superseded_by, status)
            WHERE m.event_id = s.event_id""";

    /**
     * One query for a whole chunk. Read-only: nothing is dirty-checked; a chunk writes what it changes itself
     * ({@link #insertAll}, {@link #markSuperseded}).
     */
    public Map<UUID, Measurement> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return find("eventId in ?1", List.copyOf(ids)).withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .collect(Collectors.toMap(m -> m.eventId, Function.identity()));
    }

    /**
     * Inserts accepted events in their order, as active, in one JDBC batch (multi-row statements): plain JDBC, as
     * no entity of a chunk is read back in its transaction. What they supersede is marked afterwards.
     */
    public void insertAll(List<Measurement> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Measurement m : accepted) {
                    insert.setObject(1, m.eventId);
                    insert.setString(2, m.planId);
                    insert.setInt(3, m.planVersion);
                    insert.setString(4, m.agencyId);
                    insert.setString(5, m.indicatorId);
                    insert.setString(6, m.component);
                    insert.setString(7, m.period);
                    insert.setInt(8, m.year);
                    insert.setBigDecimal(9, m.value);
                    insert.setString(10, m.unit);
                    insert.setString(11, m.kind);
                    insert.setObject(12, m.supersedes, Types.OTHER);
                    insert.setObject(13, utc(m.observedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(14, m.note);
                    insert.setString(15, m.evidenceUrl);
                    insert.setObject(16, utc(m.recordedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(17, m.submittedBy);
                    insert.setString(18, m.channel);
                    insert.setString(19, m.bodyHash);
                    insert.setString(20, m.body);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Sets superseded_by and status of events that later ones corrected or retracted, in one statement. */
    public void markSuperseded(Collection<Measurement> superseded) {
        if (superseded.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(SUPERSEDE)) {
                update.setArray(1, connection.createArrayOf("uuid", superseded.stream().map(m -> m.eventId).toArray()));
                update.setArray(2, connection.createArrayOf("uuid",
                        superseded.stream().map(m -> m.supersededBy).toArray()));
                update.setArray(3, connection.createArrayOf("text", superseded.stream().map(m -> m.status).toArray()));
                update.executeUpdate();
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public record Filter(String planId, String indicatorId, Integer year) {
    }

    public List<Measurement> page(Filter filter, int page, int size) {
        Query q = query(filter);
        return find(q.where, Sort.by("planId").and("indicatorId").and("year").and("period").and("recordedAt")
                .and("eventId"), q.parameters).page(Page.of(page, size)).list();
    }

    public long count(Filter filter) {
        Query q = query(filter);
        return count(q.where, q.parameters);
    }

    /** Every event of the chains the given events belong to (following supersedes both ways). */
    public Map<UUID, Measurement> chainsOf(Collection<Measurement> events) {
        Map<UUID, Measurement> all = new HashMap<>();
        events.forEach(m -> all.put(m.eventId, m));
        Set<UUID> missing = links(all.values(), all);
        while (!missing.isEmpty()) {
            Map<UUID, Measurement> found = findByIds(missing);
            all.putAll(found);
            Set<UUID> next = links(found.values(), all);
            missing = next;
        }
        return all;
    }

    private static Set<UUID> links(Collection<Measurement> events, Map<UUID, Measurement> have) {
        Set<UUID> ids = new HashSet<>();
        for (Measurement m : events) {
            if (m.supersedes != null && !have.containsKey(m.supersedes)) {
                ids.add(m.supersedes);
            }
            if (m.supersededBy != null && !have.containsKey(m.supersededBy)) {
                ids.add(m.supersededBy);
            }
        }
        return ids;
    }

    private record Query(String where, Parameters parameters) {
    }

    private static Query query(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.planId() != null) {
            where.append(" and planId = :planId");
            parameters.and("planId", filter.planId());
        }
        if (filter.indicatorId() != null) {
            where.append(" and indicatorId = :indicatorId");
            parameters.and("indicatorId", filter.indicatorId());
        }
        if (filter.year() != null) {
            where.append(" and year = :year");
            parameters.and("year", filter.year());
        }
        return new Query(where.toString(), parameters);
    }
}
