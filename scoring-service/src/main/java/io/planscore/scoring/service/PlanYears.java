package io.planscore.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.stream.IntStream;

/** The AD years a plan covers, and which of them a measurement of a given year can change. */
record PlanYears(int first, int last, boolean readsEarlierYears) {

    static PlanYears of(JsonNode document) {
        JsonNode period = document.path("plan").path("period");
        boolean baselines = document.path("goals").findValues("baseline").stream().anyMatch(b -> !b.isNull())
                || document.path("goals").findValues("type").stream()
                        .anyMatch(type -> "reduction_vs_previous_year".equals(type.asText()));
        return new PlanYears(period.path("ad_start").asInt(), period.path("ad_end").asInt(), baselines);
    }

    List<Integer> all() {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    /** Just this year, when it is one of the plan's. */
    List<Integer> only(int year) {
        return year >= first && year <= last ? List.of(year) : List.of();
    }

    /** A year's own scorecard, plus later years when baselines read earlier values. */
    List<Integer> affectedBy(int year) {
        int from = readsEarlierYears ? Math.max(first, year) : year;
        int to = readsEarlierYears ? last : year;
        return IntStream.rangeClosed(from, to).filter(y -> y >= first && y <= last).boxed().toList();
    }
}
