package io.planscore.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.engine.PlanModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 23 seed fixtures: from the local-run resources when the lead has copied them there, else from the shared
 * specs beside the repository (CI).
 */
final class Fixtures {

    private static final Path BUNDLED = Path.of("../local-run/src/main/resources/seed-plans");
    private static final Path SHARED = Path.of("../../../shared/fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Path directory() {
        return containsFixtures(BUNDLED) ? BUNDLED : SHARED;
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.filter(Fixtures::isFixture).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode document(String fileName) {
        return document(directory().resolve(fileName));
    }

    static JsonNode document(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlanModel plan(String fileName) {
        return PlanDocumentReader.read(fileName.replace(".json", ""), 1, document(fileName));
    }

    private static boolean containsFixtures(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(Fixtures::isFixture);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFixture(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") && !name.equals("seed-fixture.schema.json");
    }
}
