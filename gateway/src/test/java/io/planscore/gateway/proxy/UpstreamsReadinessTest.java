package io.planscore.gateway.proxy;

import com.sun.net.httpserver.HttpServer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's readiness asks each upstream's own, against real HTTP servers (and a port nobody listens on). */
class UpstreamsReadinessTest {

    private HttpServer ready;
    private HttpServer notReady;

    @BeforeEach
    void servers() throws IOException {
        ready = server(200);
        notReady = server(503);
    }

    @AfterEach
    void stop() {
        ready.stop(0);
        notReady.stop(0);
    }

    @Test
    void readyWhenEveryUpstreamIsReady() {
        HealthCheckResponse response = new UpstreamsReadiness(config(url(ready), url(ready), url(ready))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("plans-service", "UP")
                .containsEntry("measurements-service", "UP").containsEntry("scoring-service", "UP");
    }

    @Test
    void notReadyNamingTheUpstreamThatIsDownOrUnreachable() throws IOException {
        HealthCheckResponse response = new UpstreamsReadiness(config(url(ready), url(notReady), deadUrl())).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("plans-service", "UP")
                .containsEntry("measurements-service", "DOWN").containsEntry("scoring-service", "UNREACHABLE");
    }

    private static HttpServer server(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static URI deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    private static UpstreamConfig config(URI plans, URI measurements, URI scoring) {
        return new UpstreamConfig() {
            @Override
            public URI plansUrl() {
                return plans;
            }

            @Override
            public URI measurementsUrl() {
                return measurements;
            }

            @Override
            public URI scoringUrl() {
                return scoring;
            }

            @Override
            public Timeouts timeout() {
                throw new UnsupportedOperationException("readiness has a timeout of its own");
            }
        };
    }
}
