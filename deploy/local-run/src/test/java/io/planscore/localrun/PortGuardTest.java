package io.planscore.localrun;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A port another process listens on is refused, naming that process (read from /proc on Linux). */
class PortGuardTest {

    @Test
    void aHeldPortIsRefusedNamingTheProcessThatHoldsIt() throws IOException {
        try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = held.getLocalPort();

            assertThat(PortGuard.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortGuard.requireFree(port, "PostgreSQL", "PLANSCORE_DB_PORT"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + port + " (PostgreSQL) is in use by")
                    .hasMessageContaining("PLANSCORE_DB_PORT");
        }
    }

    @Test
    void onLinuxTheMessageNamesThePidAndCommandOfTheHolder() throws IOException {
        assumeThat(System.getProperty("os.name")).containsIgnoringCase("linux");
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));

            assertThat(PortGuard.listener(held.getLocalPort())).hasValueSatisfying(holder -> assertThat(holder)
                    .startsWith("pid " + ProcessHandle.current().pid() + ": ")
                    .contains(ProcessHandle.current().info().command().orElseThrow()));
        }
    }

    @Test
    void aFreePortPasses() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PortGuard.requireFree(port, "Kafka", "PLANSCORE_KAFKA_PORT");
        assertThat(PortGuard.listener(port)).isEmpty();
    }
}
