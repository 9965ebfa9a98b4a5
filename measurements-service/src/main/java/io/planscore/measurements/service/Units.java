package io.planscore.measurements.service;

import java.text.Normalizer;

/**
 * Unit handling. Units are compared after Unicode NFKC normalisation with all whitespace removed, so
 * the full-width {@code ％} equals {@code %} and {@code 人 次} equals {@code 人次}. Nothing else is
 * converted: {@code 萬} is a scale (×10,000), not a unit, so {@code 萬人次} never matches {@code 人次};
 * the value must be posted in the indicator's unit.
 */
public final class Units {

    private Units() {
    }

    public static String normalize(String unit) {
        if (unit == null) {
            return null;
        }
        String normalized = Normalizer.normalize(unit, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return normalized.isEmpty() ? null : normalized;
    }

    public static boolean isPercent(String unit) {
        return unit != null && unit.equals("%");
    }

    public static boolean isMoney(String unit) {
        return unit != null && unit.endsWith("元");
    }

    /** {@code 萬人次} → {@code 人次}; null when the unit has no scale prefix. */
    public static String withoutScalePrefix(String unit) {
        if (unit != null && unit.length() > 1 && (unit.startsWith("萬") || unit.startsWith("万"))) {
            return unit.substring(1);
        }
        return null;
    }
}
