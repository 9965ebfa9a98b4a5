package io.planscore.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the gateway's three upstreams at free ports, which {@link UpstreamResilienceTest} serves (or not) with
 * misbehaving services of its own; the ports are passed to it as system properties (the test and this resource
 * need not share a class loader). The standard route timeout is lowered to {@link #STANDARD_TIMEOUT_SECONDS} s.
 */
public class FlakyUpstreamPorts implements QuarkusTestResourceLifecycleManager {

    static final int STANDARD_TIMEOUT_SECONDS = 1;

    @Override
    public Map<String, String> start() {
        String plans = freePort("plans");
        String measurements = freePort("measurements");
        String scoring = freePort("scoring");
        return Map.of("planscore.upstream.plans-url", "http://127.0.0.1:" + plans,
                "planscore.upstream.measurements-url", "http://127.0.0.1:" + measurements,
                "planscore.upstream.scoring-url", "http://127.0.0.1:" + scoring,
                "planscore.upstream.timeout.standard", STANDARD_TIMEOUT_SECONDS + "s");
    }

    static int port(String upstream) {
        return Integer.getInteger(property(upstream));
    }

    private static String freePort(String upstream) {
        try (ServerSocket probe = new ServerSocket(0)) {
            String port = String.valueOf(probe.getLocalPort());
            System.setProperty(property(upstream), port);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String upstream) {
        return "planscore.test.flaky-upstream." + upstream;
    }

    @Override
    public void stop() {
        // the test stops the services it started
    }
}
