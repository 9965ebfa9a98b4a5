package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.scoring.domain.PlanVersion;
import io.planscore.engine.Measurement;
import io.planscore.engine.PeerStanding;
import io.planscore.engine.PlanModel;
import io.planscore.engine.Scorecard;
import io.planscore.engine.ScoringContext;
import io.planscore.engine.ScoringEngine;
import io.planscore.engine.measure.LiveValue;
import io.planscore.model.PlanDocumentReader;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place scores are computed, for live updates and rebuilds alike: a plan version's document,
 * the measurements that count (or their live values, which give the same) and the other inputs give the scorecard
 * of each requested year, as JSON, with the plan's standing on the indicators its peer groups rank.
 */
@ApplicationScoped
public class Scorer {

    /**
     * Plan versions never change, so what is read from their document is kept: reading (and fetching) a large
     * plan costs more than scoring it.
     */
    private static final int CACHED_PLANS = 256;

    private final ScoringEngine engine = new ScoringEngine();
    private final ObjectMapper mapper;
    private final Map<String, PlanModel> models = lru();
    private final Map<String, PlanYears> years = lru();

    /** One year's scorecard, and the values the plan's peer groups rank it by. */
    public record Scored(JsonNode scorecard, List<PeerStanding> standings) {
    }

    public Scorer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The years the plan version covers, and which of them a measurement can change. */
    PlanYears years(PlanVersion version) {
        return years.computeIfAbsent(key(version), key -> PlanYears.of(version.documentJson()));
    }

    /** The scorecards of the years from the measurements that count (a replay holds them, not live values). */
    public Map<Integer, Scored> score(PlanVersion version, List<Measurement> counting, ScoringContext context,
                                      List<Integer> years) {
        return scoreLive(version, LiveValue.of(counting), context, years);
    }

    /** The scorecards of the years from the plan's live values (storage's live_value rows). */
    public Map<Integer, Scored> scoreLive(PlanVersion version, List<LiveValue> live, ScoringContext context,
                                          List<Integer> years) {
        Map<Integer, Scored> scorecards = new LinkedHashMap<>();
        if (years.isEmpty()) {
            return scorecards;
        }
        PlanModel plan = model(version);
        for (int year : years) {
            Scorecard scorecard = engine.scoreLive(plan, year, live, context);
            scorecards.put(year, new Scored(mapper.valueToTree(scorecard), PeerStanding.of(plan, scorecard)));
        }
        return scorecards;
    }

    /** One year's scorecard in the engine's form, which lists every input event id (stored bodies count them). */
    public Scorecard scorecard(PlanVersion version, List<Measurement> counting, ScoringContext context, int year) {
        return engine.score(model(version), year, counting, context);
    }

    private PlanModel model(PlanVersion version) {
        return models.computeIfAbsent(key(version),
                key -> PlanDocumentReader.read(version.planId, version.version, version.documentJson()));
    }

    private static String key(PlanVersion version) {
        return version.planId + "/" + version.version;
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED_PLANS;
            }
        });
    }
}
