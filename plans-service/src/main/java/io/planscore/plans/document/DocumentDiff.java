package io.planscore.plans.document;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes between two documents, field by field. Arrays of objects with an {@code id} (facets,
 * goals, indicators) are matched by id and shown as {@code goals[G1].indicators[G1-K2]}; targets are
 * matched by year as {@code targets[2019]}; other arrays by position. Numbers compare by value
 * ({@code 8.5} equals {@code 8.50}).
 */
public final class DocumentDiff {

    public record Change(String path, String op, JsonNode from, JsonNode to) {
    }

    private DocumentDiff() {
    }

    public static List<Change> diff(JsonNode a, JsonNode b) {
        List<Change> out = new ArrayList<>();
        walk("", a, b, out);
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a == null && b == null) {
            return;
        }
        if (a == null) {
            out.add(new Change(path, "added", null, b));
            return;
        }
        if (b == null) {
            out.add(new Change(path, "removed", a, null));
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            String key = keyOf(a, b);
            if (key != null) {
                Map<String, JsonNode> left = keyed(a, key);
                Map<String, JsonNode> right = keyed(b, key);
                Set<String> keys = new LinkedHashSet<>(left.keySet());
                keys.addAll(right.keySet());
                for (String k : keys) {
                    walk(path + "[" + k + "]", left.get(k), right.get(k), out);
                }
            } else {
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    walk(path + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, out);
                }
            }
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(new Change(path, "changed", a, b));
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(new Change(path, "changed", a, b));
        }
    }

    /** {@code id} or {@code year_ad} when every element of both arrays is an object with a unique one. */
    private static String keyOf(JsonNode a, JsonNode b) {
        for (String key : List.of("id", "year_ad")) {
            if (uniqueKeys(a, key) && uniqueKeys(b, key) && (a.size() > 0 || b.size() > 0)) {
                return key;
            }
        }
        return null;
    }

    private static boolean uniqueKeys(JsonNode array, String key) {
        Set<String> seen = new LinkedHashSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!element.isObject() || !element.hasNonNull(key) || !seen.add(element.get(key).asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> keyed(JsonNode array, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.elements().forEachRemaining(e -> map.put(e.get(key).asText(), e));
        return map;
    }
}
