package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.platform.problem.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan as a KPI table in the seed layout (a grid of cells, the same for CSV and XLSX), and back.
 *
 * <p>Layout: an optional <b>header block</b> of {@code key, value} rows with the plan metadata, then
 * the <b>table</b>: one header row, then one row per indicator. Headers are zh-TW as printed in the
 * seeds, or their English aliases (case and spaces ignored; {@code 關鍵績效指標 (indicator)} also works):
 *
 * <pre>
 * 計畫名稱 | title          政府 | government      機關 | agency       機關英文名稱 | agency_en
 * 計畫類別 | kind (mid_term, annual, 中程, 年度)   上位計畫 | parent_plan   計畫代碼 | fixture_id
 * 使命 | mission   願景 | vision
 *
 * 序號 (goal_seq) | 關鍵策略目標 (goal) | 類別 (category) | 編號 (indicator_no) | 關鍵績效指標 (indicator)
 * | 評估體制 (evaluation_code) | 評估方式 (evaluation_method) | 衡量標準 (measurement_standard)
 * | one column per plan year: 107, 107年, 107年度 (ROC) or 2018 (AD) — the target cell as printed
 * | optional: 目標代碼 (goal_id) | 指標代碼 (indicator_id) | 目標種類 (goal_kind) | 指標種類 (indicator_kind)
 * | 單位 (unit) | 極性 (polarity) | 面向 (facet_id) | 目標權重 (goal_weight) | 權重 (weight)
 * | 目標英文名稱 (goal_en) | 指標英文名稱 (indicator_en)
 * </pre>
 *
 * The goal cells may be left empty on the rows after a goal's first (merged cells in the seeds).
 * Each target cell is read by {@link TargetCellParser}; the unit column supplies the unit of a cell
 * that prints a number without one ({@code 28 萬} of 元). Without id columns, goals are {@code G<seq>}
 * ({@code C<n>} for common goals) and indicators {@code <goal>-K<no>}. Metadata can also be given as
 * query parameters, which win over the header block.
 *
 * <p>The table carries the KPI table, not the whole document: formulas, scoring rules, facets' weights,
 * narrative items and provenance are not in it. The JSON export is the lossless form.
 */
public final class KpiTable {

    /** Canonical metadata keys, in export order, with their zh-TW labels. */
    static final Map<String, String> METADATA = new LinkedHashMap<>();
    /** Canonical column keys, in export order, with their zh-TW headers ({@code years} marks the year columns). */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    private static final Map<String, String> METADATA_ALIASES = new LinkedHashMap<>();
    private static final Map<String, String> COLUMN_ALIASES = new LinkedHashMap<>();
    private static final Map<String, String> CATEGORY_EN = Map.of("業務成果", "business outcome", "行政效率",
            "administrative efficiency", "服務效能", "service effectiveness", "財務管理", "financial management",
            "組織學習", "organisational learning", "人力發展", "human-resource development");
    private static final Pattern YEAR = Pattern.compile("^(?:年度績效目標值|年度目標值|目標值|target)?(\\d{3,4})(?:年度|年)?(?:目標值)?$");
    private static final Pattern CATEGORY_SUFFIX = Pattern.compile("^(.*?)\\s*[（(](業務成果|行政效率|服務效能|財務管理|組織學習|人力發展)[）)]\\s*$");

    static {
        metadata("title", "計畫名稱", "title", "plan", "plan_title", "計畫");
        metadata("government", "政府", "government", "縣市政府", "city");
        metadata("agency", "機關", "agency", "機關名稱", "agency_name");
        metadata("agency_en", "機關英文名稱", "agency_en", "agency_name_en");
        metadata("kind", "計畫類別", "kind", "plan_kind", "計畫種類");
        metadata("parent_plan", "上位計畫", "parent_plan");
        metadata("fixture_id", "計畫代碼", "fixture_id", "plan_code", "code");
        metadata("mission", "使命", "mission");
        metadata("vision", "願景", "vision");

        column("goal_seq", "序號", "goal_seq", "seq", "goal_no");
        column("goal", "關鍵策略目標", "goal", "goal_name", "策略績效目標", "共同性目標", "目標", "年度施政目標", "策略");
        column("category", "類別", "category", "目標類別", "goal_category");
        column("indicator_no", "編號", "indicator_no", "no", "指標編號");
        column("indicator", "關鍵績效指標", "indicator", "indicator_name", "kpi", "衡量指標", "共同性指標", "績效指標", "指標");
        column("evaluation_code", "評估體制", "evaluation_code", "evaluation_system");
        column("evaluation_method", "評估方式", "evaluation_method", "method");
        column("measurement_standard", "衡量標準", "measurement_standard", "standard");
        COLUMNS.put("years", "");
        column("goal_id", "目標代碼", "goal_id");
        column("indicator_id", "指標代碼", "indicator_id");
        column("goal_kind", "目標種類", "goal_kind");
        column("indicator_kind", "指標種類", "indicator_kind");
        column("unit", "單位", "unit");
        column("polarity", "極性", "polarity");
        column("facet_id", "面向", "facet_id", "facet");
        column("goal_weight", "目標權重", "goal_weight", "goal_weight_pct");
        column("weight", "權重", "weight", "weight_pct", "indicator_weight");
        column("goal_en", "目標英文名稱", "goal_en", "goal_name_en");
        column("indicator_en", "指標英文名稱", "indicator_en", "indicator_name_en", "name_en");
    }

    private static void metadata(String key, String zh, String... aliases) {
        METADATA.put(key, zh);
        METADATA_ALIASES.put(normalize(zh), key);
        for (String alias : aliases) {
            METADATA_ALIASES.put(normalize(alias), key);
        }
    }

    private static void column(String key, String zh, String... aliases) {
        COLUMNS.put(key, zh);
        COLUMN_ALIASES.put(normalize(zh), key);
        for (String alias : aliases) {
            COLUMN_ALIASES.putIfAbsent(normalize(alias), key);
        }
    }

    private KpiTable() {
    }

    // --- document → grid -------------------------------------------------------------------------

    /** The KPI table of a document: header block, a blank row, the table. */
    public static List<List<String>> write(JsonNode document) {
        List<List<String>> grid = new ArrayList<>();
        JsonNode plan = document.path("plan");
        for (Map.Entry<String, String> meta : METADATA.entrySet()) {
            String value = meta.getKey().equals("fixture_id") ? text(document.get("fixture_id")) : text(plan.get(meta.getKey()));
            if (value != null) {
                grid.add(List.of(meta.getValue(), value));
            }
        }
        grid.add(List.of());
        List<Integer> years = years(plan.path("period"));
        List<String> header = new ArrayList<>();
        for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
            if (column.getKey().equals("years")) {
                years.forEach(y -> header.add(String.valueOf(y)));
            } else {
                header.add(column.getValue());
            }
        }
        grid.add(header);
        for (JsonNode goal : document.path("goals")) {
            JsonNode indicators = goal.path("indicators");
            if (indicators.isEmpty()) {
                grid.add(row(goal, null, years));
            }
            for (JsonNode indicator : indicators) {
                grid.add(row(goal, indicator, years));
            }
        }
        return grid;
    }

    private static List<String> row(JsonNode goal, JsonNode indicator, List<Integer> years) {
        List<String> row = new ArrayList<>();
        JsonNode none = JsonNodeFactory.instance.objectNode();
        JsonNode ind = indicator == null ? none : indicator;
        Map<Integer, String> targets = new LinkedHashMap<>();
        for (JsonNode target : ind.path("targets")) {
            Integer roc = target.hasNonNull("year_roc") ? Integer.valueOf(target.get("year_roc").asInt())
                    : target.hasNonNull("year_ad") ? Integer.valueOf(target.get("year_ad").asInt() - 1911) : null;
            if (roc != null) {
                targets.put(roc, Objects.requireNonNullElse(text(target.get("raw")), ""));
            }
        }
        for (String column : COLUMNS.keySet()) {
            switch (column) {
                case "goal_seq" -> row.add(orEmpty(goal.get("seq")));
                case "goal" -> row.add(orEmpty(goal.get("name")));
                case "category" -> row.add(orEmpty(goal.get("category")));
                case "indicator_no" -> row.add(orEmpty(ind.get("no")));
                case "indicator" -> row.add(orEmpty(ind.get("name")));
                case "evaluation_code" -> row.add(orEmpty(ind.get("evaluation_code")));
                case "evaluation_method" -> row.add(orEmpty(ind.get("evaluation_method")));
                case "measurement_standard" -> row.add(orEmpty(ind.get("measurement_standard")));
                case "years" -> years.forEach(y -> row.add(targets.getOrDefault(y, "")));
                case "goal_id" -> row.add(orEmpty(goal.get("id")));
                case "indicator_id" -> row.add(orEmpty(ind.get("id")));
                case "goal_kind" -> row.add(orEmpty(goal.get("kind")));
                case "indicator_kind" -> row.add(orEmpty(ind.get("kind")));
                case "unit" -> row.add(Objects.requireNonNullElse(indicatorUnit(ind), ""));
                case "polarity" -> row.add(orEmpty(ind.path("polarity").get("value")));
                case "facet_id" -> row.add(orEmpty(goal.get("facet_id")));
                case "goal_weight" -> row.add(orEmpty(goal.get("weight_pct")));
                case "weight" -> row.add(orEmpty(ind.get("weight_pct")));
                case "goal_en" -> row.add(orEmpty(goal.get("name_en")));
                case "indicator_en" -> row.add(orEmpty(ind.get("name_en")));
                default -> throw new IllegalStateException(column);
            }
        }
        return row;
    }

    private static String indicatorUnit(JsonNode indicator) {
        for (JsonNode target : indicator.path("targets")) {
            String unit = text(target.get("unit"));
            if (unit != null && !unit.isBlank()) {
                return unit;
            }
        }
        return null;
    }

    private static List<Integer> years(JsonNode period) {
        Set<Integer> years = new LinkedHashSet<>();
        if (period.path("years_roc").isArray() && !period.path("years_roc").isEmpty()) {
            period.path("years_roc").forEach(y -> years.add(y.asInt()));
        } else if (period.hasNonNull("roc_start") && period.hasNonNull("roc_end")) {
            for (int y = period.get("roc_start").asInt(); y <= period.get("roc_end").asInt(); y++) {
                years.add(y);
            }
        }
        return new ArrayList<>(years);
    }

    // --- grid → document -------------------------------------------------------------------------

    /** A document read from a table, or every problem of the table. */
    public record Read(ObjectNode document, List<FieldError> errors) {
    }

    /**
     * Reads a KPI table. {@code overrides} (canonical metadata keys) win over the header block;
     * {@code sourceName} is recorded in {@code source.seed_file}.
     */
    public static Read read(List<List<String>> grid, Map<String, String> overrides, String sourceName) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        int headerRow = -1;
        Map<Integer, String> columns = new LinkedHashMap<>();
        Map<Integer, Integer> yearColumns = new LinkedHashMap<>();
        for (int r = 0; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            if (isTableHeader(row)) {
                headerRow = r;
                for (int c = 0; c < row.size(); c++) {
                    String cell = cell(row, c);
                    Integer year = yearOf(cell);
                    if (year != null) {
                        if (yearColumns.containsValue(year)) {
                            errors.add(new FieldError(at(r, c), "DUPLICATE_COLUMN", "year " + year + " has two columns."));
                        }
                        yearColumns.put(c, year);
                        continue;
                    }
                    String key = columnKey(cell);
                    if (key != null) {
                        if (columns.containsValue(key)) {
                            errors.add(new FieldError(at(r, c), "DUPLICATE_COLUMN", "column '" + cell + "' (" + key + ") appears twice."));
                        }
                        columns.put(c, key);
                    }
                }
                break;
            }
            String key = cell(row, 0).isEmpty() ? null : METADATA_ALIASES.get(normalize(cell(row, 0)));
            if (key == null && !cell(row, 0).isEmpty()) {
                String first = cell(row, 0);
                int paren = first.indexOf('(');
                if (paren > 0) {
                    key = METADATA_ALIASES.get(normalize(first.substring(0, paren)));
                }
            }
            if (key != null) {
                metadata.put(key, cell(row, 1));
            } else if (!blank(row)) {
                errors.add(new FieldError(at(r, 0), "UNKNOWN_METADATA", "'" + cell(row, 0) + "' is not a plan field; the header block knows "
                        + METADATA.keySet() + " (or their zh-TW labels " + METADATA.values() + ")."));
            }
        }
        if (headerRow < 0) {
            errors.clear();
            errors.add(new FieldError("table", "NO_TABLE", "No KPI table found: it needs a header row with a goal column ("
                    + COLUMNS.get("goal") + "/goal), an indicator column (" + COLUMNS.get("indicator")
                    + "/indicator) and one column per year (107, 2018, …)."));
            return new Read(null, errors);
        }
        overrides.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                metadata.put(k, v.strip());
            }
        });
        for (String required : List.of("title", "agency")) {
            if (metadata.getOrDefault(required, "").isBlank()) {
                errors.add(new FieldError("metadata." + required, "REQUIRED", "The plan " + required + " is missing: give a '"
                        + METADATA.get(required) + "' row in the header block or the query parameter " + queryName(required) + "."));
            }
        }
        List<Integer> yearsRoc = yearColumns.values().stream().map(y -> y >= 1912 ? y - 1911 : y).sorted().distinct().toList();
        String kind = kind(metadata.get("kind"), yearsRoc.size());
        if (kind == null) {
            errors.add(new FieldError("metadata.kind", "UNKNOWN_VALUE", "kind '" + metadata.get("kind")
                    + "' is not mid_term (中程) or annual (年度)."));
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode goals = f.arrayNode();
        Map<String, ObjectNode> goalsById = new LinkedHashMap<>();
        Set<String> facetIds = new LinkedHashSet<>();
        ObjectNode goal = null;
        String lastGoalKey = null;
        int commonGoals = 0;
        int lastRow = headerRow + 1;
        for (int r = headerRow + 1; r < grid.size(); r++) {
            List<String> row = grid.get(r);
            if (blank(row)) {
                continue;
            }
            lastRow = r + 1;
            Map<String, String> v = new LinkedHashMap<>();
            columns.forEach((c, key) -> v.put(key, cell(row, c)));
            String goalName = v.getOrDefault("goal", "");
            String goalSeq = v.getOrDefault("goal_seq", "");
            String goalId = v.getOrDefault("goal_id", "");
            String goalKind = v.getOrDefault("goal_kind", "");
            String goalKey = !goalId.isEmpty() ? goalId : goalSeq + "|" + goalName;
            boolean continues = goalId.isEmpty() && goalName.isEmpty() && goalSeq.isEmpty();
            if (continues && goal == null) {
                errors.add(new FieldError(at(r, 0), "NO_GOAL", "The first row of the table must name its goal."));
                continue;
            }
            if (!continues && !goalKey.equals(lastGoalKey)) {
                boolean common = goalKind.equals("common") || (goalKind.isEmpty() && goalId.startsWith("C"));
                if (goalId.isEmpty()) {
                    goalId = common ? "C" + (++commonGoals) : "G" + (goalSeq.isEmpty() ? goalsById.size() + 1 : goalSeq);
                } else if (common) {
                    commonGoals++;
                }
                if (goalsById.containsKey(goalId)) {
                    goal = goalsById.get(goalId);
                } else {
                    goal = goal(f, goalId, goalSeq, goalName, goalKind.isEmpty() ? (common ? "common" : defaultGoalKind(kind)) : goalKind, v,
                            r, errors);
                    goalsById.put(goalId, goal);
                    goals.add(goal);
                    if (goal.hasNonNull("facet_id")) {
                        facetIds.add(goal.get("facet_id").asText());
                    }
                }
                lastGoalKey = goalKey;
            }
            String indicatorName = v.getOrDefault("indicator", "");
            if (indicatorName.isEmpty() && v.getOrDefault("indicator_id", "").isEmpty()) {
                continue; // a goal without indicators
            }
            ArrayNode indicators = (ArrayNode) goal.get("indicators");
            String no = v.getOrDefault("indicator_no", "");
            String indicatorId = v.getOrDefault("indicator_id", "");
            if (indicatorId.isEmpty()) {
                indicatorId = goal.get("id").asText() + "-K" + (no.isEmpty() ? String.valueOf(indicators.size() + 1) : no);
            }
            String indicatorKind = v.getOrDefault("indicator_kind", "");
            if (indicatorKind.isEmpty()) {
                indicatorKind = switch (goal.get("kind").asText()) {
                    case "common" -> "common_indicator";
                    case "facet_goal" -> "measure";
                    case "annual_strategy" -> "work_item";
                    default -> "kpi";
                };
            }
            ObjectNode indicator = f.objectNode();
            indicator.put("id", indicatorId);
            indicator.put("no", no.isEmpty() ? String.valueOf(indicators.size() + 1) : no);
            indicator.put("kind", indicatorKind);
            indicator.put("name", indicatorName);
            if (!v.getOrDefault("indicator_en", "").isEmpty()) {
                indicator.put("name_en", v.get("indicator_en"));
            }
            indicator.set("weight_pct", decimal(v.get("weight"), at(r, "weight"), errors));
            String code = v.getOrDefault("evaluation_code", "");
            if (code.isEmpty()) {
                indicator.putNull("evaluation_code");
            } else if (code.matches("[1-5](\\.0+)?")) {
                indicator.put("evaluation_code", Integer.parseInt(code.substring(0, 1)));
            } else {
                errors.add(new FieldError(at(r, "evaluation_code"), "INVALID_CODE", "評估體制 '" + code + "' is not a code 1–5."));
            }
            putText(indicator, "evaluation_method", v.get("evaluation_method"));
            indicator.put("measurement_standard", v.getOrDefault("measurement_standard", ""));
            indicator.putNull("formula");
            String polarity = v.getOrDefault("polarity", "");
            ObjectNode polarityNode = indicator.putObject("polarity");
            if (polarity.isEmpty()) {
                polarityNode.put("value", "higher_is_better").put("basis", "default")
                        .put("evidence", "no direction printed; the target is read as a minimum");
            } else {
                String value = switch (polarity.toLowerCase(Locale.ROOT)) {
                    case "lower", "lower_is_better", "越低越好", "愈低愈好", "↓" -> "lower_is_better";
                    case "higher", "higher_is_better", "越高越好", "愈高愈好", "↑" -> "higher_is_better";
                    case "band" -> "band";
                    default -> null;
                };
                if (value == null) {
                    errors.add(new FieldError(at(r, "polarity"), "UNKNOWN_VALUE", "極性 '" + polarity
                            + "' is not higher_is_better or lower_is_better."));
                    value = "higher_is_better";
                }
                polarityNode.put("value", value).put("basis", "explicit").put("evidence", "polarity column of the imported table");
            }
            String unit = v.getOrDefault("unit", "");
            ArrayNode targets = indicator.putArray("targets");
            for (Map.Entry<Integer, Integer> yearColumn : yearColumns.entrySet()) {
                int year = yearColumn.getValue();
                int roc = year >= 1912 ? year - 1911 : year;
                TargetCellParser.Cell cell = TargetCellParser.parse(cell(row, yearColumn.getKey()));
                ObjectNode target = targets.addObject();
                target.put("year_roc", roc);
                target.put("year_ad", roc + 1911);
                target.put("raw", cell.raw());
                target.put("form", cell.form());
                putText(target, "comparator", cell.comparator());
                target.set("number", number(cell.number()));
                if (cell.scale() == null) {
                    target.putNull("scale");
                } else {
                    target.put("scale", cell.scale());
                }
                target.set("value", number(cell.value()));
                String cellUnit = cell.unit();
                if (cellUnit == null && cell.number() != null && !unit.isEmpty() && !"frequency".equals(cell.form())) {
                    cellUnit = unit;
                }
                putText(target, "unit", cellUnit);
            }
            indicator.putNull("scoring_rule");
            indicator.putArray("source_lines").add(r + 1);
            indicator.putNull("note");
            indicators.add(indicator);
        }

        ObjectNode document = f.objectNode();
        document.put("schema", PlanDocument.SCHEMA);
        if (!metadata.getOrDefault("fixture_id", "").isBlank()) {
            document.put("fixture_id", metadata.get("fixture_id"));
        }
        ObjectNode source = document.putObject("source");
        source.put("seed_file", sourceName);
        source.put("section", "KPI table");
        source.putArray("line_range").add(headerRow + 1).add(Math.max(lastRow, headerRow + 1));
        source.put("extraction", "imported from a KPI table by plans-service");
        source.putArray("notes");
        ObjectNode plan = document.putObject("plan");
        putText(plan, "government", blankToNull(metadata.get("government")));
        plan.put("agency", metadata.getOrDefault("agency", ""));
        plan.put("agency_en", metadata.getOrDefault("agency_en", ""));
        putText(plan, "parent_plan", blankToNull(metadata.get("parent_plan")));
        plan.put("title", metadata.getOrDefault("title", ""));
        plan.put("kind", kind == null ? "mid_term" : kind);
        ObjectNode period = plan.putObject("period");
        if (yearsRoc.isEmpty()) {
            errors.add(new FieldError("table", "NO_YEAR_COLUMN", "The table has no year column (107, 107年度, 2018, …)."));
        } else {
            period.put("roc_start", yearsRoc.get(0));
            period.put("roc_end", yearsRoc.get(yearsRoc.size() - 1));
            period.put("ad_start", yearsRoc.get(0) + 1911);
            period.put("ad_end", yearsRoc.get(yearsRoc.size() - 1) + 1911);
            ArrayNode years = period.putArray("years_roc");
            yearsRoc.forEach(years::add);
        }
        putText(plan, "mission", blankToNull(metadata.get("mission")));
        putText(plan, "vision", blankToNull(metadata.get("vision")));
        plan.putArray("priorities");
        document.putNull("evaluation_code_legend");
        ArrayNode facets = document.putArray("facets");
        for (String facetId : facetIds) {
            facets.addObject().put("id", facetId).put("name", facetId).put("name_en", facetId).putNull("weight_pct").putNull("cap_pct");
        }
        document.set("goals", goals);
        document.putArray("programs");
        ObjectNode counts = document.putObject("counts");
        int keyGoals = 0;
        int common = 0;
        int kpis = 0;
        int commonIndicators = 0;
        int targetCount = 0;
        for (JsonNode g : goals) {
            if ("common".equals(g.get("kind").asText())) {
                common++;
            } else {
                keyGoals++;
            }
            for (JsonNode i : g.get("indicators")) {
                if ("common_indicator".equals(i.get("kind").asText())) {
                    commonIndicators++;
                } else {
                    kpis++;
                }
                targetCount += i.get("targets").size();
            }
        }
        counts.put("goals_key_strategic", keyGoals);
        counts.put("goals_common", common);
        counts.put("kpis", kpis);
        counts.put("common_indicators", commonIndicators);
        counts.put("targets", targetCount);
        if (goals.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("table", "EMPTY", "The KPI table has no rows."));
        }
        return new Read(document, errors);
    }

    private static ObjectNode goal(JsonNodeFactory f, String id, String seq, String name, String kind, Map<String, String> v,
                                   int r, List<FieldError> errors) {
        String category = v.getOrDefault("category", "");
        if (category.isEmpty()) {
            Matcher m = CATEGORY_SUFFIX.matcher(name);
            if (m.matches()) {
                name = m.group(1);
                category = m.group(2);
            }
        }
        ObjectNode goal = f.objectNode();
        goal.put("id", id);
        goal.put("seq", seq.isEmpty() ? id.replaceAll("^[A-Z]+", "") : seq);
        goal.put("kind", kind);
        goal.put("name", name);
        putText(goal, "name_en", blankToNull(v.get("goal_en")));
        putText(goal, "category", blankToNull(category));
        putText(goal, "category_en", CATEGORY_EN.get(category));
        putText(goal, "facet_id", blankToNull(v.get("facet_id")));
        goal.set("weight_pct", decimal(v.get("goal_weight"), at(r, "goal_weight"), errors));
        goal.putNull("bonus_max_pct");
        goal.putArray("narrative_items");
        goal.putArray("indicators");
        goal.putArray("source_lines").add(r + 1);
        goal.putNull("note");
        return goal;
    }

    private static String defaultGoalKind(String planKind) {
        return "key_strategic";
    }

    private static String kind(String value, int years) {
        if (value == null || value.isBlank()) {
            return years == 1 ? "annual" : "mid_term";
        }
        return switch (normalize(value)) {
            case "mid_term", "midterm", "mid-term", "中程", "中程施政計畫", "中程計畫" -> "mid_term";
            case "annual", "年度", "年度施政計畫", "年度計畫" -> "annual";
            default -> null;
        };
    }

    private static boolean isTableHeader(List<String> row) {
        boolean goal = false;
        boolean indicator = false;
        boolean year = false;
        for (String cell : row) {
            if (yearOf(cell) != null) {
                year = true;
                continue;
            }
            String key = columnKey(cell);
            goal |= "goal".equals(key) || "goal_id".equals(key);
            indicator |= "indicator".equals(key) || "indicator_id".equals(key);
        }
        return goal && indicator && year;
    }

    private static String columnKey(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = COLUMN_ALIASES.get(normalize(header));
        if (key == null) {
            int paren = header.indexOf('(');
            if (paren < 0) {
                paren = header.indexOf('（');
            }
            if (paren > 0) {
                key = COLUMN_ALIASES.get(normalize(header.substring(0, paren)));
                if (key == null) {
                    key = COLUMN_ALIASES.get(normalize(header.substring(paren + 1).replaceAll("[)）]", "")));
                }
            }
        }
        return key;
    }

    static Integer yearOf(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = YEAR.matcher(normalize(header));
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        return (year >= 1 && year < 300) || (year >= 1912 && year < 2300) ? year : null;
    }

    private static String normalize(String text) {
        return text.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }

    private static String queryName(String key) {
        return key.equals("agency_en") ? "agencyEn" : key;
    }

    private static JsonNode decimal(String text, String path, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return number(new BigDecimal(text.strip().replace("%", "")));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(path, "NOT_A_NUMBER", "'" + text + "' is not a number."));
            return JsonNodeFactory.instance.nullNode();
        }
    }

    /** Integral values as JSON integers ({@code 85}, {@code 85000}), others as exact decimals. */
    static JsonNode number(BigDecimal value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return JsonNodeFactory.instance.numberNode(stripped.longValueExact());
        }
        return JsonNodeFactory.withExactBigDecimals(true).numberNode(value);
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private static String orEmpty(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isNumber() ? node.decimalValue().toPlainString() : node.asText();
    }

    private static String cell(List<String> row, int column) {
        if (column >= row.size() || row.get(column) == null) {
            return "";
        }
        return row.get(column).strip();
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(c -> c == null || c.isBlank());
    }

    private static String at(int row, int column) {
        return "table[" + (row + 1) + "][" + (column + 1) + "]";
    }

    private static String at(int row, String column) {
        return "table[" + (row + 1) + "]." + column;
    }
}
