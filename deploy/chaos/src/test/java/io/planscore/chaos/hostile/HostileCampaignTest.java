package io.planscore.chaos.hostile;

import io.planscore.localrun.Platform;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of the hostile-input campaign: 5,000 requests of a fixed seed against a throw-away platform.
 * Every answer a 2xx or a problem+json 4xx, no leak, no state change from a rejected request.
 */
class HostileCampaignTest {

    private static final long SEED = 20261206L;
    private static final int REQUESTS = 5_000;

    @Test
    void everyAnswerToHostileInputIsA2xxOrAProblemAndChangesNothingWhenRejected() throws Exception {
        Path home = Path.of(System.getProperty("planscore.home", "../..")).toAbsolutePath().normalize();
        String adminKey = "psk_chaos-test-" + UUID.randomUUID();
        HostileReport report;
        try (Platform platform = Platform.startTemporary(home, adminKey)) {
            report = new HostileCampaign(platform.gateway().baseUri(), adminKey,
                    PlatformSecrets.of(platform.settings().dataDir()), 4).run(SEED, REQUESTS);
        }
        String markdown = report.markdown("Hostile input, short form", "the test machine");
        Files.writeString(Path.of("target", "hostile-short.md"), markdown);
        assertThat(report.passed()).as(report.failures()).isTrue();
    }
}
