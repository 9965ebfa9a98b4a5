package io.planscore.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.domain.ScorecardSummary;
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

    /** Of the indicators with a target that year, how many are scored, and that share. */
    public record Coverage(Integer withTarget, Integer scored, BigDecimal share) {
    }

    public record StatusCounts(Integer met, Integer atRisk, Integer offTrack, Integer pending, Integer notScored) {
    }

    /** One scorecard version in a history listing: its summary, never its body. */
    public record HistoryEntry(long scoreVersion, int planVersion, Instant computedAt, Trigger trigger,
                               BigDecimal totalScore, BigDecimal maxScore, Coverage coverage,
                               StatusCounts statusCounts) {
        static HistoryEntry of(ScorecardSummary s) {
            return new HistoryEntry(s.scoreVersion(), s.planVersion(), s.computedAt(),
                    new Trigger(s.triggerEventId(), s.triggerType()), s.totalScore(), s.maxScore(),
                    new Coverage(s.indicatorsWithTarget(), s.indicatorsScored(), s.coverage()),
                    new StatusCounts(s.statusMet(), s.statusAtRisk(), s.statusOffTrack(), s.statusPending(),
                            s.statusNotScored()));
        }
    }

    /** Which end of a plan-year's history a listing starts from. */
    public enum HistoryOrder {
        newest, oldest
    }

    public record HistoryPage(String planId, int year, HistoryOrder order, List<HistoryEntry> items, int page,
                              int size, long total) {
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

    /** One version of a plan-year's scorecard, whole. */
    public ScorecardView scorecard(String planId, int year, long scoreVersion) {
        return view(scorecards.version(planId, year, scoreVersion).orElseThrow(() -> ProblemException.notFound(
                "Score version of plan " + planId + " for year " + year, Long.toString(scoreVersion))));
    }

    public HistoryPage history(String planId, int year, HistoryOrder order, int page, int size) {
        long total = scorecards.versionCount(planId, year);
        if (total == 0) {
            throw ProblemException.notFound("Score of plan " + planId + " for year", Integer.toString(year));
        }
        List<HistoryEntry> items = (long) page * size >= total ? List.of()
                : scorecards.history(planId, year, order == HistoryOrder.newest, page, size).stream()
                        .map(HistoryEntry::of).toList();
        return new HistoryPage(planId, year, order, items, page, size, total);
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
        // in longs: page × size overflows an int, and a page past the end is empty like any other
        long first = (long) page * size;
        List<UUID> onPage = inputIds.subList((int) Math.min(inputIds.size(), first),
                (int) Math.min(inputIds.size(), first + size));
        return new Explanation(planId, version.year, version.scoreVersion, version.planVersion, version.computedAt,
                indicator, inputIds.size(), page, size, measurements.byIds(onPage).stream().map(InputEvent::of).toList());
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
