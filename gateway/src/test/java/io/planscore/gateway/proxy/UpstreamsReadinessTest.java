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
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's readiness asks each upstream's health (liveness and readiness), against real HTTP servers that
 * answer as Quarkus does (and a port nobody listens on).
 */
class UpstreamsReadinessTest {

    private static final String HEALTHY = """
            {"status": "UP", "checks": [{"name": "Database connections health check", "status": "UP"}]}""";
    /** A Kafka consumer died: liveness DOWN, while the readiness checks (database, broker connection) are UP. */
    private static final String CONSUMER_DEAD = """
            {"status": "DOWN", "checks": [
              {"name": "SmallRye Reactive Messaging - liveness check", "status": "DOWN",
               "data": {"measurements-in": "[KO] - heartbeat thread died"}},
              {"name": "Database connections health check", "status": "UP"},
              {"name": "SmallRye Reactive Messaging - readiness check", "status": "UP"}]}""";

    private HttpServer ready;
    private HttpServer notReady;
    private HttpServer notLive;

    @BeforeEach
    void servers() throws IOException {
        ready = server(200, HEALTHY);
        notReady = server(503, "");
        notLive = server(503, CONSUMER_DEAD);
    }

    @AfterEach
    void stop() {
        ready.stop(0);
        notReady.stop(0);
        notLive.stop(0);
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

    @Test
    void notReadyWhenAnUpstreamIsNotLiveNamingItsFailingCheck() {
        HealthCheckResponse response = new UpstreamsReadiness(config(url(ready), url(ready), url(notLive))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("plans-service", "UP")
                .containsEntry("measurements-service", "UP")
                .containsEntry("scoring-service", "DOWN: SmallRye Reactive Messaging - liveness check");
    }

    private static HttpServer server(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (!exchange.getRequestURI().getPath().equals("/q/health")) {
                exchange.sendResponseHeaders(404, -1);
            } else if (bytes.length == 0) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
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
