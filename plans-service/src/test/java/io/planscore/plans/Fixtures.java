package io.planscore.plans;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The 23 seed fixtures and their INDEX.md counts, read exactly (decimals as written). */
public final class Fixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final Path DIR = Stream.of(
                    Path.of("../deploy/local-run/src/main/resources/seed-plans"),
                    Path.of("../../shared/fixtures"),
                    Path.of("/work/shared/fixtures"))
            .filter(p -> Files.isDirectory(p) && count(p) > 0)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No seed fixtures found"));

    private Fixtures() {
    }

    private static long count(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("0\\d\\d.*\\.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    public static Path dir() {
        return DIR;
    }

    public static List<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("0\\d\\d.*\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file whose name starts with {@code prefix} ("001", "002-16", "003"). */
    public static String name(String prefix) {
        return names().stream().filter(n -> n.startsWith(prefix + "_")).findFirst().orElseThrow();
    }

    public static String text(String prefix) {
        try {
            return Files.readString(DIR.resolve(name(prefix)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String prefix) {
        return (ObjectNode) parse(text(prefix));
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** INDEX.md counts: file → [goals, indicators, common indicators, target cells]. */
    public static Map<String, int[]> index() {
        Path index = Stream.of(DIR.resolve("INDEX.md"), Path.of("../../shared/fixtures/INDEX.md"),
                        Path.of("/work/shared/fixtures/INDEX.md"))
                .filter(Files::exists).findFirst().orElseThrow();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `([^`]+\\.json)` \\|.*\\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|$");
        try {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                Matcher m = row.matcher(line.strip());
                if (m.matches()) {
                    counts.put(m.group(1), new int[]{Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
