package io.planscore.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public API description, written once: each service describes its own operations (its annotations, stored
 * at build time in {@code <service>/target/openapi/openapi.json}); the gateway publishes their union as its
 * static document ({@code gateway/src/main/resources/META-INF/openapi.yaml}) and describes only the routes it
 * answers itself (API keys, the live stream, dead letters gathered from every service).
 *
 * <p>The union takes every path under {@code /api/v1/} except the platform's administration
 * ({@code /api/v1/admin/}, the gateway's), the components those paths use, and the tags they name. Two services
 * describing one path, or one component name differently, is an error: the public document must not depend on
 * which service was read first.
 */
final class PublicApiDocument {

    static final List<String> SERVICES = List.of("plans-service", "measurements-service", "scoring-service");

    private static final String PUBLIC_PREFIX = "/api/v1/";
    private static final String GATEWAY_OWNED_PREFIX = "/api/v1/admin/";
    private static final String REF_PREFIX = "#/components/";

    private final ObjectMapper json = new ObjectMapper();

    /** The operations the gateway forwards, as the services describe them. */
    ObjectNode merge(Path home) {
        ObjectNode paths = json.createObjectNode();
        Map<String, JsonNode> components = new LinkedHashMap<>();
        Map<String, JsonNode> tags = new TreeMap<>();
        String version = null;
        for (String service : SERVICES) {
            JsonNode document = read(home.resolve(service).resolve("target/openapi/openapi.json"));
            version = document.path("openapi").asText();
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            List<JsonNode> taken = new ArrayList<>();
            document.path("paths").fields().forEachRemaining(path -> {
                if (!path.getKey().startsWith(PUBLIC_PREFIX) || path.getKey().startsWith(GATEWAY_OWNED_PREFIX)) {
                    return;
                }
                if (paths.has(path.getKey())) {
                    throw new IllegalStateException("two services describe " + path.getKey());
                }
                paths.set(path.getKey(), path.getValue());
                taken.add(path.getValue());
            });
            collectComponents(document, taken, components, service);
        }
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", version);
        merged.set("tags", usedTags(paths, tags));
        merged.set("paths", sorted(paths));
        ObjectNode byKind = json.createObjectNode();
        components.forEach((ref, node) -> {
            String[] kindAndName = ref.substring(REF_PREFIX.length()).split("/", 2);
            ObjectNode kind = byKind.has(kindAndName[0]) ? (ObjectNode) byKind.get(kindAndName[0])
                    : byKind.putObject(kindAndName[0]);
            kind.set(kindAndName[1], node);
        });
        byKind.fields().forEachRemaining(kind -> byKind.set(kind.getKey(), sorted((ObjectNode) kind.getValue())));
        merged.set("components", sorted(byKind));
        return merged;
    }

    /** Every component {@code roots} refer to, directly or through other components. */
    private static void collectComponents(JsonNode document, List<JsonNode> roots, Map<String, JsonNode> into,
                                          String service) {
        Deque<JsonNode> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject() && node.path("$ref").isTextual() && node.get("$ref").asText().startsWith(REF_PREFIX)) {
                String ref = node.get("$ref").asText();
                JsonNode target = document.at(ref.substring(1));
                if (target.isMissingNode()) {
                    throw new IllegalStateException(service + " refers to " + ref + " but does not define it");
                }
                JsonNode known = into.putIfAbsent(ref, target);
                if (known == null) {
                    pending.push(target);
                } else if (!known.equals(target)) {
                    throw new IllegalStateException(ref + " is described differently by two services (" + service
                            + " and another)");
                }
            }
            node.elements().forEachRemaining(pending::push);
        }
    }

    private ArrayNode usedTags(ObjectNode paths, Map<String, JsonNode> defined) {
        SortedSet<String> used = new TreeSet<>();
        paths.elements().forEachRemaining(path -> path.elements().forEachRemaining(
                operation -> operation.path("tags").forEach(tag -> used.add(tag.asText()))));
        ArrayNode tags = json.createArrayNode();
        used.forEach(name -> tags.add(defined.getOrDefault(name, json.createObjectNode().put("name", name))));
        return tags;
    }

    private ObjectNode sorted(ObjectNode node) {
        ObjectNode sorted = json.createObjectNode();
        new TreeMap<>(toMap(node)).forEach(sorted::set);
        return sorted;
    }

    private static Map<String, JsonNode> toMap(ObjectNode node) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue()));
        return map;
    }

    private JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the services first (./mvnw -B package -DskipTests)");
        }
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
