package io.planscore.model;

import io.planscore.engine.calc.Relation;
import io.planscore.engine.rules.ThresholdBandsRule.Band;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small conditions fixtures write in words: {@code 51 <= wearing_pct <= 99}, {@code wearing_pct == 100},
 * {@code growth < 0}, {@code not_wearing_pct >= 50 (i.e. wearing <= 50)} (the "i.e." restatement wins).
 */
final class Conditions {

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final String NAME = "[A-Za-z_][A-Za-z_0-9]*";
    private static final String OPERATOR = "(>=|<=|==|=|>|<|≥|≤)";
    private static final Pattern RESTATED = Pattern.compile("\\(i\\.e\\.\\s*(.+)\\)");
    private static final Pattern BETWEEN =
            Pattern.compile(NUMBER + "\\s*(<=|<|≤)\\s*" + NAME + "\\s*(<=|<|≤)\\s*" + NUMBER);
    private static final Pattern ONE_SIDED = Pattern.compile(NAME + "\\s*" + OPERATOR + "\\s*" + NUMBER);

    /** A condition on one variable: {@code variable relation bound}. */
    record Comparison(Relation relation, BigDecimal bound) {
    }

    private Conditions() {
    }

    static Optional<Comparison> comparison(String condition) {
        Matcher m = ONE_SIDED.matcher(restated(condition));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Relation.parse(m.group(1))).map(r -> new Comparison(r, new BigDecimal(m.group(2))));
    }

    static Optional<Band> band(String condition, BigDecimal points) {
        String text = restated(condition);
        Matcher between = BETWEEN.matcher(text);
        if (between.matches()) {
            return Optional.of(new Band(new BigDecimal(between.group(1)), new BigDecimal(between.group(4)),
                    !between.group(2).equals("<"), !between.group(3).equals("<"), points));
        }
        return comparison(text).map(c -> switch (c.relation()) {
            case AT_LEAST -> new Band(c.bound(), null, true, false, points);
            case ABOVE -> new Band(c.bound(), null, false, false, points);
            case AT_MOST -> new Band(null, c.bound(), false, true, points);
            case BELOW -> new Band(null, c.bound(), false, false, points);
            case EQUAL -> new Band(c.bound(), c.bound(), true, true, points);
        });
    }

    private static String restated(String condition) {
        String text = condition == null ? "" : condition.strip();
        Matcher m = RESTATED.matcher(text);
        return m.find() ? m.group(1).strip() : text;
    }
}
