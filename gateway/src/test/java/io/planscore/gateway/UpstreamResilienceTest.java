package io.planscore.gateway;

import com.sun.net.httpserver.HttpServer;
import io.planscore.infra.RealInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.planscore.gateway.ApiSecurityTest.ADMIN_KEY;
import static io.planscore.gateway.ApiSecurityTest.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of misbehaving services, one per upstream (each has its own circuit breaker):
 * plans-service is not listening until the first test starts it; measurements-service accepts every connection
 * and closes it without an answer, counting the requests by method; scoring-service answers slowly.
 * In order: the measurements tests leave its circuit half-way to open, the last one opens it.
 */
@QuarkusTest
@WithTestResource(value = RealInfraResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FlakyUpstreamPorts.class, scope = TestResourceScope.MATCHING_RESOURCES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamResilienceTest {

    private static final Duration SLOW = Duration.ofSeconds(4);
    private static final Duration REBUILD = Duration.ofMillis(1500);

    private static final ExecutorService POOL = Executors.newCachedThreadPool();
    private static final AtomicInteger PLANS_REQUESTS = new AtomicInteger();
    private static final Map<String, AtomicInteger> DROPPED = new ConcurrentHashMap<>();
    private static HttpServer plans;
    private static HttpServer scoring;
    private static ServerSocket measurements;

    @BeforeAll
    static void services() throws IOException {
        measurements = new ServerSocket(FlakyUpstreamPorts.port("measurements"), 50, InetAddress.getLoopbackAddress());
        POOL.submit(UpstreamResilienceTest::dropConnections);
        scoring = HttpServer.create(new InetSocketAddress("127.0.0.1", FlakyUpstreamPorts.port("scoring")), 0);
        scoring.setExecutor(POOL);
        scoring.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean rebuild = path.equals("/api/v1/scores/rebuild");
            sleep(rebuild ? REBUILD : path.endsWith("/slow") ? SLOW : Duration.ZERO);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(rebuild ? 202 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        scoring.start();
    }

    @AfterAll
    static void stop() throws IOException {
        scoring.stop(0);
        measurements.close();
        if (plans != null) {
            plans.stop(0);
        }
        POOL.shutdownNow();
    }

    @Test
    @Order(1)
    void aReadRefusedAtFirstIsTriedAgainAndAnswered() {
        as(ADMIN_KEY).get("/api/v1/scores/plans/p1").then().statusCode(200); // the gateway is warm: no slow first call

        CompletableFuture<Void> plansComesUp = CompletableFuture.runAsync(() -> {
            sleep(Duration.ofMillis(120)); // after the first try, before the last (tries are 100 ms apart)
            startPlans();
        });
        as(ADMIN_KEY).get("/api/v1/plans").then().statusCode(200);
        plansComesUp.join();

        assertThat(PLANS_REQUESTS).hasValue(1);
    }

    @Test
    @Order(2)
    void aReadOnADroppedConnectionIsTriedThreeTimesAWriteOnce() {
        problem(as(ADMIN_KEY).get("/api/v1/measurements"), 503, "upstream-unavailable");
        assertThat(dropped("GET")).isEqualTo(3);

        problem(as(ADMIN_KEY).contentType("application/json").body("{}").post("/api/v1/measurements"),
                503, "upstream-unavailable");
        assertThat(dropped("POST")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSlowServiceIsAnswered504AtTheRouteTimeout() {
        long start = System.nanoTime();
        Response response = as(ADMIN_KEY).get("/api/v1/scores/plans/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        problem(response, 504, "upstream-timeout");
        assertThat(response.path("detail").toString()).contains("scoring-service");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(FlakyUpstreamPorts.STANDARD_TIMEOUT_SECONDS))
                .isLessThan(SLOW);
    }

    @Test
    @Order(4)
    void aFourthRebuildAtOnceIsTurnedAwayBusy() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> rebuilds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rebuilds.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return as(ADMIN_KEY).post("/api/v1/scores/rebuild");
            }, POOL));
        }
        go.countDown();
        List<Response> answers = rebuilds.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(202, 202, 202, 503);
        Response busy = answers.stream().filter(answer -> answer.statusCode() == 503).findFirst().orElseThrow();
        problem(busy, 503, "upstream-busy");
        assertThat(busy.header("Retry-After")).isNotBlank();
    }

    @Test
    @Order(5)
    void afterRepeatedFailuresTheCircuitOpensAndAnswersAtOnce() {
        for (int i = 0; i < 10 && as(ADMIN_KEY).contentType("application/json").body("{}")
                .post("/api/v1/measurements").header("Retry-After") == null; i++) {
            // measurements-service keeps failing: at half of the last 10 calls the circuit opens
        }
        int called = dropped("POST");

        long start = System.nanoTime();
        Response refused = as(ADMIN_KEY).contentType("application/json").body("{}").post("/api/v1/measurements");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        problem(refused, 503, "upstream-unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(dropped("POST")).as("not called while the circuit is open").isEqualTo(called);
        // the other services' circuits are their own
        as(ADMIN_KEY).get("/api/v1/plans").then().statusCode(200);
    }

    private static void problem(Response response, int status, String type) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.path("type").toString()).endsWith("/" + type);
    }

    private static int dropped(String method) {
        return DROPPED.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    private static void startPlans() {
        try {
            plans = HttpServer.create(new InetSocketAddress("127.0.0.1", FlakyUpstreamPorts.port("plans")), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        plans.createContext("/", exchange -> {
            PLANS_REQUESTS.incrementAndGet();
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plans.start();
    }

    /** measurements-service: reads each request's head, counts it by method and closes without an answer. */
    private static void dropConnections() {
        while (!measurements.isClosed()) {
            try (Socket connection = measurements.accept()) {
                String method = requestHead(connection.getInputStream()).split(" ", 2)[0];
                DROPPED.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            } catch (IOException closed) {
                // closed at the end of the test
            }
        }
    }

    private static String requestHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int b; !head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
            head.append((char) b);
        }
        return head.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
