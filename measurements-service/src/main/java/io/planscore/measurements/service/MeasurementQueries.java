package io.planscore.measurements.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.RejectedMeasurement;
import io.planscore.measurements.repository.MeasurementRepository;
import io.planscore.measurements.repository.RejectedMeasurementRepository;
import io.planscore.platform.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads for the audit endpoints. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MeasurementQueries {

    private final MeasurementRepository measurements;
    private final RejectedMeasurementRepository rejections;
    private final ObjectMapper mapper;

    public MeasurementQueries(MeasurementRepository measurements, RejectedMeasurementRepository rejections,
                              ObjectMapper mapper) {
        this.measurements = measurements;
        this.rejections = rejections;
        this.mapper = mapper;
    }

    public record Chained(Measurement event, List<UUID> chain) {
    }

    public record Page<T>(List<T> items, long total) {
    }

    public Page<Chained> measurements(MeasurementRepository.Filter filter, int page, int size) {
        List<Measurement> events = measurements.page(filter, page, size);
        Map<UUID, Measurement> all = measurements.chainsOf(events);
        List<Chained> items = new ArrayList<>(events.size());
        for (Measurement m : events) {
            items.add(new Chained(m, chain(m, all)));
        }
        return new Page<>(items, measurements.count(filter));
    }

    /** Root first: walk back along supersedes, then forward along supersededBy. */
    static List<UUID> chain(Measurement m, Map<UUID, Measurement> all) {
        Set<UUID> seen = new HashSet<>();
        Measurement root = m;
        while (root.supersedes != null && all.containsKey(root.supersedes) && seen.add(root.eventId)) {
            root = all.get(root.supersedes);
        }
        List<UUID> chain = new ArrayList<>();
        seen.clear();
        for (Measurement at = root; at != null && seen.add(at.eventId); at = at.supersededBy == null ? null : all.get(at.supersededBy)) {
            chain.add(at.eventId);
        }
        return chain;
    }

    public record Rejection(RejectedMeasurement row, JsonNode body, List<FieldError> errors) {
    }

    public Page<Rejection> rejections(String planId, int page, int size) {
        List<Rejection> items = rejections.page(planId, page, size).stream()
                .map(r -> new Rejection(r, read(r.body), readErrors(r.errors))).toList();
        return new Page<>(items, rejections.count(planId));
    }

    /** A body stored before bodies were bounded may hold numbers too long to read: it is then listed as text. */
    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }

    private List<FieldError> readErrors(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<FieldError>>() {
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
