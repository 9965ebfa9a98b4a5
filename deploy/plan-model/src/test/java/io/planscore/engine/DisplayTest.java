package io.planscore.engine;

import io.planscore.engine.calc.Polarity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.planscore.engine.Plans.d;
import static io.planscore.engine.Plans.indicator;
import static io.planscore.engine.Plans.m;
import static io.planscore.engine.Plans.numeric;
import static org.assertj.core.api.Assertions.assertThat;

/** §7: rounding only for display, HALF_UP. */
class DisplayTest {

    @Test
    void rounds_achievements_to_4_and_points_to_2_decimals_half_up() {
        assertThat(Display.achievement(d("0.66665"))).isEqualTo(d("0.6667"));
        assertThat(Display.achievement(d("0.97222222"))).isEqualTo(d("0.9722"));
        assertThat(Display.points(d("12.638888"))).isEqualTo(d("12.64"));
        assertThat(Display.points(d("2.675"))).isEqualTo(d("2.68"));
        assertThat(Display.points(null)).isNull();
    }

    @Test
    void rounds_a_whole_scorecard_for_display_and_leaves_the_original_exact() {
        PlanModel plan = Plans.unweighted(indicator("K", "%", Polarity.HIGHER_IS_BETTER, numeric("3", "%")));
        Scorecard exact = Plans.score(plan, List.of(m("e1", "K", "2018", "2")), ScoringContext.empty());

        Scorecard shown = Display.round(exact);

        assertThat(exact.indicators().get(0).achievement()).isEqualTo(d("0.6666666666666666666666666666666667"));
        assertThat(shown.indicators().get(0).achievement()).isEqualTo(d("0.6667"));
        assertThat(shown.indicators().get(0).points()).isEqualTo(d("66.67"));
        assertThat(shown.totalScore()).isEqualTo(d("66.67"));
        assertThat(shown.coverage().share()).isEqualTo(d("1.0000"));
    }
}
