package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.scoring.domain.RecordedMeasurement;
import io.planscore.scoring.engine.Measurement;
import io.planscore.scoring.engine.PeerStanding;
import io.planscore.scoring.engine.PlanModel;
import io.planscore.scoring.engine.Scorecard;
import io.planscore.scoring.engine.ScoringContext;
import io.planscore.scoring.engine.ScoringEngine;
import io.planscore.scoring.plan.PlanDocumentReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place scores are computed, for live updates and rebuilds alike: a plan version's document,
 * the measurements that count and the other inputs give the scorecard of each requested year, as JSON,
 * with the plan's standing on the indicators its peer groups rank.
 */
@ApplicationScoped
public class Scorer {

    /** Plan versions never change, so their parsed model is kept: reading a large plan costs more than scoring it. */
    private static final int CACHED_PLANS = 256;

    private final ScoringEngine engine = new ScoringEngine();
    private final ObjectMapper mapper;
    private final Map<String, PlanModel> plans = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PlanModel> eldest) {
                    return size() > CACHED_PLANS;
                }
            });

    /** One year's scorecard, and the values the plan's peer groups rank it by. */
    public record Scored(JsonNode scorecard, List<PeerStanding> standings) {
    }

    public Scorer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Map<Integer, Scored> score(String planId, int version, JsonNode document,
                                        Collection<RecordedMeasurement> counting, ScoringContext context,
                                        List<Integer> years) {
        Map<Integer, Scored> scorecards = new LinkedHashMap<>();
        if (years.isEmpty()) {
            return scorecards;
        }
        PlanModel plan = plans.computeIfAbsent(planId + "/" + version,
                key -> PlanDocumentReader.read(planId, version, document));
        List<Measurement> inputs = counting.stream()
                .map(m -> new Measurement(m.eventId.toString(), m.indicatorId, m.component, m.period, m.value,
                        m.recordedAt))
                .toList();
        for (int year : years) {
            Scorecard scorecard = engine.score(plan, year, inputs, context);
            scorecards.put(year, new Scored(mapper.valueToTree(scorecard), PeerStanding.of(plan, scorecard)));
        }
        return scorecards;
    }
}
