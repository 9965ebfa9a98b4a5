package io.planscore.localrun;

import io.planscore.infra.Directories;
import io.planscore.infra.KafkaAccess;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar deploy/local-run/target/planscore-local.jar [--fresh]}: runs planscore on this
 * machine with its data in {@code .planscore-data/} (or {@code PLANSCORE_DATA_DIR}), kept across
 * restarts; {@code --fresh} starts from nothing. Loads the seed plans on first start. Ctrl-C stops
 * everything. It stops what it started even when it is killed (a watchdog process does), stops what an earlier
 * launcher of the same data folder left running, refuses ports that another process holds, and restarts a service
 * that exits or stops being live ({@link Supervision#fromEnvironment}).
 *
 * <p>Ports: {@code PLANSCORE_DB_PORT} (15432), {@code PLANSCORE_KAFKA_PORT} (19092), {@code PLANSCORE_HTTP_PORT}
 * (8080, the gateway; plans-, measurements- and scoring-service on the next three).
 *
 * <p>{@code PLANSCORE_KAFKA_SASL=true}: Kafka runs SASL/SCRAM with ACLs, each service with its own user;
 * {@code PLANSCORE_KAFKA_AGENCIES} (agency ids, comma-separated) issues those agencies' Kafka users, which may
 * write only their own {@code measurements.submitted.v1.agency.<agencyId>}.
 */
public final class LocalPlatform {

    private static final List<String> SEED_PLANS = List.of(
            "001_keelung-police_107-110.json",
            "002-01_keelung-civil-affairs_109-112.json",
            "002-02_keelung-finance_109-112.json",
            "002-03_keelung-industrial-development_109-112.json",
            "002-04_keelung-education_109-112.json",
            "002-05_keelung-public-works_109-112.json",
            "002-06_keelung-tourism-city-marketing_109-112.json",
            "002-07_keelung-transportation_109-112.json",
            "002-08_keelung-urban-development_109-112.json",
            "002-09_keelung-social-affairs_109-112.json",
            "002-10_keelung-land-administration_109-112.json",
            "002-11_keelung-comprehensive-development_109-112.json",
            "002-12_keelung-budget-accounting-statistics_109-112.json",
            "002-13_keelung-personnel_109-112.json",
            "002-14_keelung-civil-service-ethics_109-112.json",
            "002-15_keelung-tax-bureau_109-112.json",
            "002-16_keelung-police_109-112.json",
            "002-17_keelung-fire-bureau_109-112.json",
            "002-18_keelung-public-health_109-112.json",
            "002-19_keelung-environmental-protection_109-112.json",
            "002-20_keelung-cultural-affairs_109-112.json",
            "003_chiayi-police_107.json",
            "004_taichung-police_113.json");

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path root = Path.of(System.getProperty("planscore.home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(System.getenv().getOrDefault("PLANSCORE_DATA_DIR", root.resolve(".planscore-data").toString()));
        if (List.of(args).contains("--fresh")) {
            Directories.deleteRecursively(data);
        }
        Files.createDirectories(data);
        String adminKey = adminKey(data);

        Map<String, String> env = System.getenv();
        int http = port(env, "PLANSCORE_HTTP_PORT", 8080);
        say("Starting PostgreSQL, Kafka and the four services (data in " + data + ") ...");
        Platform platform;
        try {
            platform = Platform.start(new Platform.Settings(root, data, true, port(env, "PLANSCORE_DB_PORT", 15432),
                    port(env, "PLANSCORE_KAFKA_PORT", 19092),
                    Map.of("gateway", http, "plans-service", http + 1, "measurements-service", http + 2,
                            "scoring-service", http + 3),
                    adminKey, Boolean.parseBoolean(env.get("PLANSCORE_KAFKA_SASL")), Supervision.fromEnvironment(env)));
        } catch (IllegalStateException refused) {
            say("planscore did not start: " + refused.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping planscore ...");
            platform.close();
            stopped.countDown();
        }, "planscore-shutdown"));

        try {
            loadSeedPlansOnce(platform.gateway().baseUri(), adminKey, data);
            issueAgencyKafkaUsers(platform);
        } catch (RuntimeException | IOException | InterruptedException failed) {
            // Exiting runs the shutdown hook: nothing stays up half-started behind a dead main thread.
            say("planscore did not start: " + failed.getMessage());
            System.exit(1);
        }
        String gateway = "http://localhost:" + platform.gateway().port();
        say("");
        say("planscore is running.");
        say("  Dashboard:   " + gateway + "/");
        say("  API:         " + gateway + "/api/v1   (header X-API-Key: " + adminKey + ")");
        say("  OpenAPI:     " + gateway + "/q/swagger-ui");
        say("  Logs:        " + data.resolve("logs"));
        say("  Secrets:     " + data.resolve("secrets") + "   (generated keys; jwt-issuer-private.pem signs bearer JWTs)");
        say("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number: " + value);
        }
    }

    /** PLANSCORE_BOOTSTRAP_ADMIN_KEY when set; else the key generated on the first start, kept in the data folder. */
    private static String adminKey(Path data) throws IOException {
        String configured = System.getenv("PLANSCORE_BOOTSTRAP_ADMIN_KEY");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = data.resolve("bootstrap-admin-key");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String key = "psk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        say("Generated the bootstrap admin key (kept in " + file + "): " + key);
        return key;
    }

    private static void issueAgencyKafkaUsers(Platform platform) {
        String agencies = System.getenv("PLANSCORE_KAFKA_AGENCIES");
        if (agencies == null || agencies.isBlank()) {
            return;
        }
        if (!platform.settings().kafkaSasl()) {
            throw new IllegalStateException("PLANSCORE_KAFKA_AGENCIES needs PLANSCORE_KAFKA_SASL=true");
        }
        for (String agencyId : agencies.split(",")) {
            String id = agencyId.strip();
            platform.issueAgencyKafkaUser(id);
            say("Kafka user " + KafkaAccess.agencyUser(id) + " (SCRAM-SHA-512, password in secrets/kafka-"
                    + KafkaAccess.agencyUser(id) + "-password) may write only " + KafkaAccess.agencyTopic(id));
        }
    }

    private static void loadSeedPlansOnce(URI gateway, String adminKey, Path data)
            throws IOException, InterruptedException {
        Path marker = data.resolve("seed-plans-loaded");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        for (String name : SEED_PLANS) {
            try (InputStream in = LocalPlatform.class.getResourceAsStream("/seed-plans/" + name)) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/plans"))
                                .header("X-API-Key", adminKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("Loading seed plan " + name + " failed: " + response.statusCode()
                            + " " + response.body());
                }
            }
        }
        Files.writeString(marker, "loaded " + SEED_PLANS.size() + " seed plans\n");
        say("Loaded " + SEED_PLANS.size() + " seed plans.");
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
