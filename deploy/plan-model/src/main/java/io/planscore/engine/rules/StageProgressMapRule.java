package io.planscore.engine.rules;

import io.planscore.engine.calc.Derivation;
import io.planscore.engine.calc.Inputs;
import io.planscore.engine.calc.MeasureValue;
import io.planscore.engine.calc.Outcome;
import io.planscore.engine.measure.LiveValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.planscore.engine.calc.Decimals.format;

/**
 * Progress % from stage events: a stage is reached when its component (the stage name) is reported with a
 * positive value; progress is the highest percentage reached, then judged like higher is better.
 */
public record StageProgressMapRule(List<Stage> stages) implements ScoringRule {

    public record Stage(String name, BigDecimal progress) {
        @Override
        public String toString() {
            return name + "=" + format(progress);
        }
    }

    public StageProgressMapRule {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("stage_progress_map needs at least one stage");
        }
    }

    public String type() {
        return "stage_progress_map";
    }

    public String definition() {
        return RuleText.definition(type(), "stages", stages);
    }

    public Outcome evaluate(Inputs in, Derivation trace) {
        List<Stage> reached = new ArrayList<>();
        List<LiveValue> sources = new ArrayList<>();
        boolean anyReported = false;
        for (Stage stage : stages) {
            MeasureValue event = in.component(stage.name());
            if (event.isPresent()) {
                anyReported = true;
                sources.addAll(event.sources());
                if (event.value().signum() > 0) {
                    reached.add(stage);
                }
            }
        }
        if (!anyReported) {
            return Outcome.pending();
        }
        Optional<Stage> furthest = reached.stream().max((a, b) -> a.progress().compareTo(b.progress()));
        BigDecimal progress = furthest.map(Stage::progress).orElse(BigDecimal.ZERO);
        trace.add("progress = " + format(progress) + " %" + furthest.map(s -> " (stage " + s.name() + " reached)")
                .orElse(" (no stage reached)"));
        return ProgressJudgement.againstTarget(MeasureValue.present(progress, sources), in, trace);
    }
}
