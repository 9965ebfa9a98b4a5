package io.planscore.measurements.repository;

import io.planscore.measurements.domain.Measurement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

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

    /** One query for a whole chunk (managed entities: changing one updates it at commit). */
    public Map<UUID, Measurement> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("eventId in ?1", List.copyOf(ids)).stream()
                .collect(Collectors.toMap(m -> m.eventId, Function.identity()));
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
