package io.planscore.plans;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Row counts of the plans tables, to prove that a refused request stored nothing. */
final class Rows {

    private Rows() {
    }

    static Map<String, Long> count(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of("agency", "plan", "plan_version", "indicator_index")) {
                counts.put(table, ((Number) em.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue());
            }
            return counts;
        });
    }
}
