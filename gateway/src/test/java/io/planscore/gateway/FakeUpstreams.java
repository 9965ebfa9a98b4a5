package io.planscore.gateway;

import com.sun.net.httpserver.HttpServer;
import io.planscore.infra.TestIdentities;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Stands in for the three internal services so the gateway can be tested alone: every call is
 * answered with what the gateway forwarded (method, path, the identity it signed, body length, Content-Type and
 * Accept); a page of agencies says there are 42 of them (X-Total-Count). An identity
 * that does not verify with the service key is echoed as {@code "unverified"}. Agency {@code unknown}
 * does not exist, nor does one whose id holds an escaped character. The real services are exercised by the end-to-end tests.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonWebToken identity = identity(exchange.getRequestHeaders().getFirst("Authorization"));
            String echo = """
                    {"method": "%s", "path": "%s", "query": "%s", "role": "%s", "agency": "%s", "principal": "%s",
                     "audience": "%s", "bodyLength": %d, "contentType": "%s", "accept": "%s"}""".formatted(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(),
                    identity == null ? "unverified" : String.join(",", identity.getGroups()),
                    identity == null ? null : identity.getClaim("agency"), identity == null ? null : identity.getName(),
                    identity == null ? null : String.join(",", identity.getAudience()), body.length,
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Accept"));
            byte[] response = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (path.equals("/api/v1/agencies") && exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().add("X-Total-Count", "42");
            }
            if (path.equals("/api/v1/plans") && exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Location", "http://internal-host:8081/api/v1/plans/p1");
            }
            exchange.sendResponseHeaders(unknownAgency(exchange.getRequestURI().getRawPath()) ? 404 : 200, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("planscore.upstream.plans-url", url, "planscore.upstream.measurements-url", url,
                "planscore.upstream.scoring-url", url);
    }

    /** Agency {@code unknown}, and, as in plans-service (whose agency ids are UUIDs), one with an escaped character. */
    private static boolean unknownAgency(String rawPath) {
        int at = rawPath.indexOf("/agencies/");
        if (at < 0) {
            return false;
        }
        String agency = rawPath.substring(at + "/agencies/".length());
        return agency.equals("unknown") || (agency.indexOf('/') < 0 && agency.indexOf('%') >= 0);
    }

    private static JsonWebToken identity(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            return new DefaultJWTParser().verify(authorization.substring("Bearer ".length()),
                    TestIdentities.servicePublicKey());
        } catch (ParseException e) {
            return null;
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
