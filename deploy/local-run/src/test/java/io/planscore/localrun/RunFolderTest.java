package io.planscore.localrun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run folder: one launcher per data folder, and what a launcher left running is stopped by the next. */
class RunFolderTest {

    @TempDir
    Path data;

    @Test
    void theNextClaimStopsWhatTheLastHolderStartedAndDidNotStop() throws IOException {
        Process leftover = new ProcessBuilder("sleep", "300").start();
        Process stoppedOnPurpose = new ProcessBuilder("sleep", "300").start();
        try (RunFolder first = RunFolder.claim(data, Duration.ZERO, line -> { })) {
            first.record("scoring-service", leftover.toHandle());
            first.record("gateway", stoppedOnPurpose.toHandle());
            stoppedOnPurpose.destroy();
            first.forget("gateway");
        }
        // the first holder "died": its lock is gone, its pid file is not

        List<String> console = new ArrayList<>();
        try (RunFolder next = RunFolder.claim(data, Duration.ZERO, console::add)) {
            assertThat(leftover.isAlive()).isFalse();
            assertThat(console).singleElement().asString()
                    .startsWith("Stopping scoring-service (pid " + leftover.pid() + "), left running");
            assertThat(Files.list(data.resolve("run")).map(f -> f.getFileName().toString()))
                    .containsExactly("launcher.lock");
        }
    }

    @Test
    void aPidThatNowBelongsToAnotherProcessIsNotTouched() {
        long pid = ProcessHandle.current().pid();

        assertThat(RunFolder.recordedProcess(pid + " 2001-01-01T00:00:00Z")).isEmpty();
        assertThat(RunFolder.recordedProcess(pid + " " + ProcessHandle.current().info().startInstant().orElseThrow()))
                .isPresent();
        assertThat(RunFolder.recordedProcess("garbage")).isEmpty();
    }

    @Test
    void aSecondLauncherOfTheSameDataFolderIsRefused() {
        try (RunFolder first = RunFolder.claim(data, Duration.ZERO, line -> { })) {
            assertThatThrownBy(() -> RunFolder.claim(data, Duration.ofMillis(300), line -> { }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another planscore launcher (pid " + ProcessHandle.current().pid() + ")")
                    .hasMessageContaining(data.toString());
        }
    }
}
