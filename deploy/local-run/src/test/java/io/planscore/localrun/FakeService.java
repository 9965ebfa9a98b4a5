package io.planscore.localrun;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * A stand-in for a service JVM, started by {@link ServiceProcess} like one: it listens on
 * {@code -Dquarkus.http.port}, says so as Quarkus does, is ready, and is live only for its first 3 seconds,
 * then its liveness answers DOWN (as a service whose Kafka consumer died).
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.getInteger("quarkus.http.port");
        Instant liveUntil = Instant.now().plus(Duration.ofSeconds(3));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/q/health/live", exchange -> {
            exchange.sendResponseHeaders(Instant.now().isBefore(liveUntil) ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
        System.out.println("Listening on: http://127.0.0.1:" + port);
    }
}
