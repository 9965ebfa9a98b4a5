package io.planscore.plans.document;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one yearly target cell of a KPI table ({@code 85%}, {@code 3件}, {@code 8.5 萬人次},
 * {@code ≥90%}, {@code 5 案以上}, {@code -館}, {@code ↑}, {@code 每季}, …) into the target fields of
 * {@code seed-plan-fixture/v1}, following seeds-model §3 and the fixture conventions (§10): the cell is
 * kept verbatim as {@code raw}; whitespace is removed before reading the number (PDF wrap artefacts such
 * as {@code 53000 0人 次}); {@code 萬} is a scale of 10,000; nothing is guessed beyond that, and a cell
 * that is not one number with a unit becomes a {@code text} target.
 */
public final class TargetCellParser {

    /** The target fields read from a cell. {@code number}, {@code value} are null unless the cell holds one number. */
    public record Cell(String raw, String form, String comparator, BigDecimal number, Integer scale, BigDecimal value,
                       String unit) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "^(?<prefix>[^0-9≥≤><=]*?)(?<cmp>≥|≤|>=|<=|>|<|=)?(?<num>[0-9][0-9,]*(?:\\.[0-9]+)?)(?<wan>萬)?(?<unit>.*?)(?<suffix>以上|以下)?$");
    /** A ROC year with a stage: {@code 113年上半年}, {@code 113年導入}, {@code 108年12月31日前完成}. */
    private static final Pattern MILESTONE = Pattern.compile("^1[0-9]{2}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:上半年|下半年|年底|底|前)?(?:導入|完成|上線|啟用|正式.*)?$");
    private static final Pattern NONE = Pattern.compile("^[-－—–](?<unit>[^0-9]*)$");

    private TargetCellParser() {
    }

    public static Cell parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return new Cell(raw == null ? "" : raw, "missing", null, null, null, null, null);
        }
        String compact = text.replaceAll("\\s+", "");
        Matcher none = NONE.matcher(compact);
        if (none.matches()) {
            return new Cell(raw, "none", null, null, null, null, emptyToNull(none.group("unit")));
        }
        switch (compact) {
            case "↑", "提高", "增加", "逐年提升", "逐年增加" -> {
                return new Cell(raw, "direction", "increase_vs_baseline", null, null, null, null);
            }
            case "↓", "降低", "減少", "逐年遞減", "逐年降低", "逐年減少" -> {
                return new Cell(raw, "direction", "decrease_vs_baseline", null, null, null, null);
            }
            case "每月" -> {
                return frequency(raw, 12);
            }
            case "每季", "按季檢討" -> {
                return frequency(raw, 4);
            }
            case "每半年" -> {
                return frequency(raw, 2);
            }
            case "每年" -> {
                return frequency(raw, 1);
            }
            default -> {
            }
        }
        if (MILESTONE.matcher(compact).matches()) {
            return new Cell(raw, "milestone", null, null, null, null, null);
        }
        if (compact.contains("目標值") && (compact.startsWith("達") || compact.contains("訂定"))) {
            return new Cell(raw, "external_reference", ">=", null, null, null, null);
        }
        Matcher m = NUMBER.matcher(compact);
        if (m.matches() && !m.group("prefix").matches(".*[0-9].*") && !m.group("unit").matches(".*[0-9].*")) {
            String prefix = m.group("prefix");
            if (prefix.endsWith("(") || prefix.endsWith("（")) {
                return text(raw);
            }
            BigDecimal number = new BigDecimal(m.group("num").replace(",", ""));
            Integer scale = m.group("wan") != null ? 10000 : null;
            BigDecimal value = scale == null ? number : number.multiply(BigDecimal.valueOf(scale));
            String unit = unit(m.group("unit"));
            String comparator = comparator(m.group("cmp"), m.group("suffix"));
            String form = "%".equals(unit) ? "percent"
                    : "名".equals(unit) ? "rank"
                    : "天".equals(unit) || "日".equals(unit) ? "duration"
                    : "quantity";
            return new Cell(raw, form, comparator, number, scale, value, unit);
        }
        return text(raw);
    }

    private static Cell text(String raw) {
        return new Cell(raw, "text", null, null, null, null, null);
    }

    private static Cell frequency(String raw, int perYear) {
        return new Cell(raw, "frequency", null, BigDecimal.valueOf(perYear), null, BigDecimal.valueOf(perYear), "次/年");
    }

    private static String comparator(String symbol, String suffix) {
        if (symbol != null) {
            return switch (symbol) {
                case "≥", ">=" -> ">=";
                case "≤", "<=" -> "<=";
                default -> symbol;
            };
        }
        if ("以上".equals(suffix)) {
            return ">=";
        }
        if ("以下".equals(suffix)) {
            return "<=";
        }
        return null;
    }

    /** {@code (場次)} → {@code 場次}; {@code 人(次)} stays as printed. */
    private static String unit(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if ((text.startsWith("(") && text.endsWith(")") || text.startsWith("（") && text.endsWith("）"))
                && text.length() > 2) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
