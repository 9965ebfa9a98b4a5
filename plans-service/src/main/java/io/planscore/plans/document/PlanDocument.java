package io.planscore.plans.document;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A typed view of a {@code seed-plan-fixture/v1} document (see {@code seed-fixture.schema.json}), for
 * the service's own reading: normalized rows, counts, target comparison, table export. The stored and
 * published form is always the JSON exactly as received; fields not modelled here are kept there.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanDocument(
        String schema,
        @JsonProperty("fixture_id") String fixtureId,
        Header plan,
        List<Facet> facets,
        List<Goal> goals) {

    public static final String SCHEMA = "seed-plan-fixture/v1";

    public List<Goal> goalsOrEmpty() {
        return goals == null ? List.of() : goals;
    }

    public List<Facet> facetsOrEmpty() {
        return facets == null ? List.of() : facets;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Header(
            String government,
            String agency,
            @JsonProperty("agency_en") String agencyEn,
            @JsonProperty("parent_plan") String parentPlan,
            String title,
            String kind,
            Period period,
            String mission,
            String vision) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(
            @JsonProperty("roc_start") Integer rocStart,
            @JsonProperty("roc_end") Integer rocEnd,
            @JsonProperty("ad_start") Integer adStart,
            @JsonProperty("ad_end") Integer adEnd,
            @JsonProperty("years_roc") List<Integer> yearsRoc) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facet(
            String id,
            String name,
            @JsonProperty("name_en") String nameEn,
            @JsonProperty("weight_pct") BigDecimal weightPct,
            @JsonProperty("cap_pct") BigDecimal capPct) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Goal(
            String id,
            String seq,
            String kind,
            String name,
            @JsonProperty("name_en") String nameEn,
            String category,
            @JsonProperty("category_en") String categoryEn,
            @JsonProperty("facet_id") String facetId,
            @JsonProperty("weight_pct") BigDecimal weightPct,
            @JsonProperty("bonus_max_pct") BigDecimal bonusMaxPct,
            List<Indicator> indicators) {

        public List<Indicator> indicatorsOrEmpty() {
            return indicators == null ? List.of() : indicators;
        }

        public boolean isCommon() {
            return "common".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(
            String id,
            String no,
            String kind,
            String name,
            @JsonProperty("name_en") String nameEn,
            @JsonProperty("weight_pct") BigDecimal weightPct,
            @JsonProperty("evaluation_code") Integer evaluationCode,
            @JsonProperty("evaluation_method") String evaluationMethod,
            @JsonProperty("measurement_standard") String measurementStandard,
            Formula formula,
            Polarity polarity,
            List<Target> targets,
            @JsonProperty("scoring_rule") JsonNode scoringRule,
            String note) {

        public List<Target> targetsOrEmpty() {
            return targets == null ? List.of() : targets;
        }

        public boolean isCommon() {
            return "common_indicator".equals(kind);
        }

        /** The unit of the indicator: the first unit its targets print. */
        public String unit() {
            return targetsOrEmpty().stream().map(Target::unit).filter(u -> u != null && !u.isBlank())
                    .findFirst().orElse(formula == null ? null : formula.resultUnit());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Formula(
            String text,
            Map<String, String> operands,
            Map<String, BigDecimal> constants,
            Map<String, String> derived,
            String expression,
            @JsonProperty("result_unit") String resultUnit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Polarity(String value, String basis, String evidence) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(
            @JsonProperty("year_roc") Integer yearRoc,
            @JsonProperty("year_ad") Integer yearAd,
            String raw,
            String form,
            String comparator,
            BigDecimal number,
            Integer scale,
            BigDecimal value,
            String unit) {

        /** The comparable target value: {@code value}, else {@code number × scale}. */
        public BigDecimal effectiveValue() {
            if (value != null) {
                return value;
            }
            if (number == null) {
                return null;
            }
            return scale == null ? number : number.multiply(BigDecimal.valueOf(scale));
        }
    }
}
