package io.planscore.platform.events;

import io.planscore.platform.problem.DependencyUnavailableException;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.persistence.PersistenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which failures {@link ConsumerRetry} hands to its {@code @Retry} (as {@link TransientFailureException}) and which
 * it lets through at once. The retries themselves run in the services' tests, against a real database.
 */
class ConsumerRetryTest {

    private final ConsumerShutdown shutdown = new ConsumerShutdown(Duration.ofMillis(10));
    private final ConsumerRetry retry = new ConsumerRetry(shutdown);

    @Test
    void databaseFailuresThatMayPassAreRetried() {
        for (String state : new String[]{"08006", "40001", "40P01", "55P03", "57014", "57P01", "53300"}) {
            RuntimeException failure = new PersistenceException("wrapped", new SQLException("ERROR: it", state));
            assertThatThrownBy(() -> retry.run("measurements", () -> {
                throw failure;
            })).isInstanceOf(TransientFailureException.class).hasCause(failure)
                    .hasMessage("Transient failure on channel measurements that outlasted every retry: ERROR: it");
        }
        assertThat(TransientFailures.isTransient(new IllegalStateException(new TimeoutException("no broker")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new java.util.concurrent.TimeoutException())))
                .isTrue();
        assertThat(TransientFailures.isTransient(new DependencyUnavailableException(
                Problem.of(503, "plans-unavailable", "Plans unavailable", "down", List.of()), 5, null))).isTrue();
    }

    @Test
    void deterministicFailuresGoThroughAtOnce() {
        RuntimeException malformed = new MalformedEventException("not an envelope", null);
        RuntimeException constraint = new PersistenceException(new SQLException("ERROR: violates check", "23514"));
        RuntimeException problem = ProblemException.conflict("no");
        // even wrapping a timeout, what the database called a data error stays one
        RuntimeException data = new PersistenceException(new SQLException("bad value", "22023",
                new java.util.concurrent.TimeoutException()));
        for (RuntimeException failure : new RuntimeException[]{malformed, constraint, problem, data,
                new IllegalArgumentException("a bug")}) {
            assertThatThrownBy(() -> retry.run("plan-versions", () -> {
                throw failure;
            })).isSameAs(failure);
        }
    }

    @Test
    void nothingIsRetriedOnceTheServiceStops() {
        shutdown.stop(new ShutdownEvent());
        RuntimeException failure = new PersistenceException(new SQLException("connection closed", "08003"));

        assertThatThrownBy(() -> retry.run("measurements", () -> {
            throw failure;
        })).isSameAs(failure);
    }
}
