package io.planscore.localrun;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The supervision's backoff is bounded; its settings come from the environment. */
class SupervisorTest {

    @Test
    void theBackoffDoublesWithEachRestartInARowUpToItsBound() {
        Supervisor supervisor = new Supervisor(new Supervision(true, Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(10)), line -> { });

        assertThat(supervisor.backoff(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(supervisor.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(supervisor.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(supervisor.backoff(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(supervisor.backoff(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void supervisionIsOnUnlessTurnedOffAndItsTimesAreConfigurable() {
        assertThat(Supervision.fromEnvironment(Map.of())).isEqualTo(Supervision.STANDARD);
        assertThat(Supervision.fromEnvironment(Map.of("PLANSCORE_SUPERVISE", "false")).enabled()).isFalse();
        Supervision configured = Supervision.fromEnvironment(Map.of("PLANSCORE_SUPERVISE_LIVENESS_GRACE", "45s",
                "PLANSCORE_SUPERVISE_MAX_BACKOFF", "120"));
        assertThat(configured.livenessGrace()).isEqualTo(Duration.ofSeconds(45));
        assertThat(configured.maxBackoff()).isEqualTo(Duration.ofSeconds(120));
        assertThatThrownBy(() -> Supervision.fromEnvironment(Map.of("PLANSCORE_SUPERVISE_MAX_BACKOFF", "1m")))
                .hasMessageContaining("PLANSCORE_SUPERVISE_MAX_BACKOFF");
    }
}
