package io.planscore.measurements.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.measurements.events.PlanVersionApproved;
import io.planscore.platform.http.ConnectionFailures;
import io.planscore.platform.problem.DependencyUnavailableException;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.security.IdentitySigner;
import io.planscore.platform.security.ServiceIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Closes the gap between a plan's approval and its arrival on {@code plans.plan-versions.v1}: an event
 * for a plan the read model does not know yet makes us ask plans-service for the approved version in
 * force, and apply it exactly as the consumer would (the later Kafka event is then an old version and
 * changes nothing). Without this, an agency posting right after an administrator created a plan would
 * be told the plan is unknown.
 * <p>
 * Guarded like the gateway's calls (docs/operations.md, "Slow and failing services"): 1 s to connect, 5 s to
 * answer, the GET tried twice more 100 ms apart when the connection failed, and a circuit breaker (half of the
 * last 10 calls failed: not called for {@value #OPEN_SECONDS} s). When plans-service cannot tell, the plan is
 * not taken as unknown: {@link DependencyUnavailableException} (503 {@code plans-unavailable}; a Kafka poll is
 * retried) instead of a rejection the agency would have to undo.
 */
@ApplicationScoped
public class PlanSource {

    private static final Logger LOG = Logger.getLogger(PlanSource.class);
    private static final String APPROVED = "approved";
    /** This service asking plans-service: it only reads, so a viewer is all it needs to be. */
    private static final ServiceIdentity SELF =
            new ServiceIdentity("service:measurements-service", ServiceIdentity.Role.viewer, null);
    private static final String PLANS_SERVICE = "plans-service";
    static final int OPEN_SECONDS = 5;

    private final PlansServiceApi plans;
    private final TypedGuard<Response> guard = TypedGuard.create(Response.class)
            .withDescription(PLANS_SERVICE)
            .withRetry().maxRetries(2).delay(100, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
            .whenException(ConnectionFailures::isConnectionFailure).done()
            .withCircuitBreaker().name(PLANS_SERVICE).requestVolumeThreshold(10).failureRatio(0.5)
            .delay(OPEN_SECONDS, ChronoUnit.SECONDS).done()
            .build();
    private final PlanReadModel readModel;
    private final ObjectMapper mapper;
    private final IdentitySigner signer;

    public PlanSource(PlanReadModel readModel, ObjectMapper mapper,
                      @ConfigProperty(name = "planscore.upstream.plans-url") URI plansUrl, IdentitySigner signer) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.signer = signer;
        this.plans = QuarkusRestClientBuilder.newBuilder().baseUri(plansUrl)
                .connectTimeout(1, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS)
                .disableDefaultMapper(true)
                .build(PlansServiceApi.class);
    }

    /**
     * Fetches and applies, each in its own transaction, the plans of {@code planIds} that exist there.
     *
     * @throws DependencyUnavailableException when plans-service cannot say whether one of them exists
     */
    public void catchUp(Collection<String> planIds) {
        for (String planId : planIds) {
            fetchApproved(planId).ifPresent(approved -> QuarkusTransaction.requiringNew().run(() ->
                    readModel.apply(sourceEventId(approved), approved)));
        }
    }

    private Optional<PlanVersionApproved> fetchApproved(String planId) {
        Response response;
        try {
            response = guard.get(() -> plans.plan(planId, "Bearer " + signer.sign(SELF, PLANS_SERVICE)));
        } catch (RuntimeException e) {
            throw unavailable(planId, e instanceof CircuitBreakerOpenException
                    ? "it has been failing, and is not asked again for " + OPEN_SECONDS + " s"
                    : "it cannot be reached or did not answer in time", e);
        }
        try (response) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            if (response.getStatus() != 200) {
                throw unavailable(planId, "it answered " + response.getStatus(), null);
            }
            return approved(planId, response.readEntity(String.class));
        }
    }

    /** The version in force, if it is an approved one. */
    private Optional<PlanVersionApproved> approved(String planId, String body) {
        try {
            JsonNode plan = mapper.readTree(body);
            if (!APPROVED.equals(plan.path("status").asText())) {
                return Optional.empty();
            }
            return Optional.of(new PlanVersionApproved(plan.path("id").asText(), plan.path("version").asInt(),
                    plan.path("agencyId").asText(), plan.path("agencyName").asText(null),
                    Instant.parse(plan.path("approvedAt").asText()), plan.path("approvedBy").asText(null),
                    plan.path("document")));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("plans-service answered plan %s with what cannot be read: %s", planId, e.getMessage());
            return Optional.empty();
        }
    }

    private static DependencyUnavailableException unavailable(String planId, String why, Throwable cause) {
        LOG.warnf("Cannot ask plans-service about plan %s: %s (%s)", planId, why, cause);
        return new DependencyUnavailableException(Problem.of(503, "plans-unavailable", "Plans unavailable",
                "Plan " + planId + " is not known here yet, and plans-service cannot be asked about it: " + why
                        + ". Events for it were not rejected; send them again shortly (events are idempotent on "
                        + "eventId).", List.of()), OPEN_SECONDS, cause);
    }

    /** The same id for the same plan version, whoever fetches it. */
    private static UUID sourceEventId(PlanVersionApproved approved) {
        return UUID.nameUUIDFromBytes(("plans-service:" + approved.planId() + ":" + approved.version())
                .getBytes(StandardCharsets.UTF_8));
    }
}
