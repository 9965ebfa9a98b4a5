package io.planscore.chaos.hostile;

import java.util.List;
import java.util.Map;

/**
 * What the campaign set up before its first hostile request: plan A (owned by agency A), plan B (agency B's, the
 * other agency of every credential kind) and plan C (a plan the campaign may revise and approve), the indicators
 * of plan A a valid event can name, a few events already recorded for it, and one credential of each kind.
 */
record Fixtures(String planA, String planB, String planC, String agencyA, String agencyB,
                List<Indicator> indicators, List<String> recordedEventIds, String viewerKeyId,
                Map<Credential, String> secrets, byte[] planDocument) {

    /** An indicator of plan A: its id, the unit its events take, and the years of the plan. */
    record Indicator(String id, String unit, List<Integer> years) {
    }

    List<String> planIds() {
        return List.of(planA, planB, planC);
    }
}
