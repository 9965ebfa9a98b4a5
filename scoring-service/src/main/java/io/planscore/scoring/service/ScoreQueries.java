package io.planscore.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.domain.ScorecardVersion;
import io.planscore.scoring.repository.MeasurementRepository;
import io.planscore.scoring.repository.ScorecardRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

/** Reads of stored scorecards: current, as of an instant, history, and one indicator's explanation. */
@ApplicationScoped
@Transactional
public class ScoreQueries {

    private final ScorecardRepository scorecards;
    private final MeasurementRepository measurements;
    private final ScoreProvenance provenance;
    private final ObjectMapper mapper;

    public ScoreQueries(ScorecardRepository scorecards, MeasurementRepository measurements,
                        ScoreProvenance provenance, ObjectMapper mapper) {
        this.scorecards = scorecards;
        this.measurements = measurements;
        this.provenance = provenance;
        this.mapper = mapper;
    }

    public record Trigger(UUID eventId, String eventType) {
    }

    public record ScorecardView(String planId, int year, long scoreVersion, int planVersion, String agencyId,
                                Instant computedAt, Trigger trigger, JsonNode scorecard) {
    }

    public record HistoryEntry(long scoreVersion, int planVersion, Instant computedAt, Trigger trigger,
                               BigDecimal totalScore) {
    }

    public record InputEvent(UUID eventId, String component, String period, BigDecimal value, String kind,
                             UUID supersedes, UUID supersededBy, Instant recordedAt) {
        static InputEvent of(RecordedMeasurement m) {
            return new InputEvent(m.eventId, m.component, m.period, m.value, m.kind, m.supersedes, m.supersededBy,
                    m.recordedAt);
        }
    }

    /** One page of the measurement events behind the indicator's score, of {@code inputEventCount} in all. */
    public record Explanation(String planId, int year, long scoreVersion, int planVersion, Instant computedAt,
                              JsonNode indicator, int inputEventCount, int page, int size,
                              List<InputEvent> inputEvents) {
    }

    /** The largest page of input events an explanation lists. */
    public static final int MAX_PAGE_SIZE = 500;

    public ScorecardView scorecard(String planId, Integer year, Instant asOf) {
        return view(find(planId, year, asOf));
    }

    public List<HistoryEntry> history(String planId, int year) {
        List<ScorecardVersion> versions = scorecards.history(planId, year);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("Score of plan " + planId + " for year", Integer.toString(year));
        }
        return versions.stream()
                .map(v -> new HistoryEntry(v.scoreVersion, v.planVersion, v.computedAt,
                        new Trigger(v.triggerEventId, v.triggerType), totalScore(read(v.body))))
                .toList();
    }

    public Explanation explain(String planId, String indicatorId, Integer year, Instant asOf, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "OUT_OF_RANGE", "page counts from 0."));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "OUT_OF_RANGE", "size is 1 to " + MAX_PAGE_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The page is not valid.", errors);
        }
        ScorecardVersion version = find(planId, year, asOf);
        JsonNode indicator = StreamSupport.stream(read(version.body).path("indicators").spliterator(), false)
                .filter(node -> indicatorId.equals(node.path("id").asText(node.path("indicatorId").asText())))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Indicator", indicatorId));
        List<UUID> inputIds = provenance.inputEvents(version, indicator);
        List<UUID> onPage = inputIds.subList(Math.min(inputIds.size(), page * size),
                Math.min(inputIds.size(), page * size + size));
        return new Explanation(planId, version.year, version.scoreVersion, version.planVersion, version.computedAt,
                indicator, inputIds.size(), page, size, measurements.byIds(onPage).stream().map(InputEvent::of).toList());
    }

    private static BigDecimal totalScore(JsonNode scorecard) {
        JsonNode total = scorecard.path("totalScore");
        return total.isNumber() ? total.decimalValue() : null;
    }

    private ScorecardVersion find(String planId, Integer year, Instant asOf) {
        if (year == null) {
            return scorecards.latestOfAnyYear(planId)
                    .orElseThrow(() -> ProblemException.notFound("Score of plan", planId));
        }
        return (asOf == null ? scorecards.latest(planId, year) : scorecards.asOf(planId, year, asOf))
                .orElseThrow(() -> ProblemException.notFound("Score of plan " + planId + " for year", year.toString()));
    }

    private ScorecardView view(ScorecardVersion v) {
        return new ScorecardView(v.planId, v.year, v.scoreVersion, v.planVersion, v.agencyId, v.computedAt,
                new Trigger(v.triggerEventId, v.triggerType), read(v.body));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
