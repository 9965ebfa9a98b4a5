package io.planscore.measurements.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.planscore.measurements.events.PlanVersionApproved;
import io.planscore.platform.security.IdentitySigner;
import io.planscore.platform.security.ServiceIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Closes the gap between a plan's approval and its arrival on {@code plans.plan-versions.v1}: an event
 * for a plan the read model does not know yet makes us ask plans-service for the approved version in
 * force, and apply it exactly as the consumer would (the later Kafka event is then an old version and
 * changes nothing). Without this, an agency posting right after an administrator created a plan would
 * be told the plan is unknown.
 */
@ApplicationScoped
public class PlanSource {

    private static final Logger LOG = Logger.getLogger(PlanSource.class);
    private static final String APPROVED = "approved";
    /** This service asking plans-service: it only reads, so a viewer is all it needs to be. */
    private static final ServiceIdentity SELF =
            new ServiceIdentity("service:measurements-service", ServiceIdentity.Role.viewer, null);
    private static final String PLANS_SERVICE = "plans-service";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final PlanReadModel readModel;
    private final ObjectMapper mapper;
    private final URI plansUrl;
    private final IdentitySigner signer;

    public PlanSource(PlanReadModel readModel, ObjectMapper mapper,
                      @ConfigProperty(name = "planscore.upstream.plans-url") URI plansUrl, IdentitySigner signer) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.plansUrl = plansUrl;
        this.signer = signer;
    }

    /** Fetches and applies, each in its own transaction, the plans of {@code planIds} that exist there. */
    public void catchUp(Collection<String> planIds) {
        for (String planId : planIds) {
            fetchApproved(planId).ifPresent(approved -> QuarkusTransaction.requiringNew().run(() ->
                    readModel.apply(sourceEventId(approved), approved)));
        }
    }

    private Optional<PlanVersionApproved> fetchApproved(String planId) {
        HttpRequest request = HttpRequest.newBuilder(plansUrl.resolve("/api/v1/plans/"
                        + URLEncoder.encode(planId, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + signer.sign(SELF, PLANS_SERVICE))
                .GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode plan = mapper.readTree(response.body());
            if (!APPROVED.equals(plan.path("status").asText())) {
                return Optional.empty();
            }
            return Optional.of(new PlanVersionApproved(plan.path("id").asText(), plan.path("version").asInt(),
                    plan.path("agencyId").asText(), plan.path("agencyName").asText(null),
                    Instant.parse(plan.path("approvedAt").asText()), plan.path("approvedBy").asText(null),
                    plan.path("document")));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot ask plans-service about plan %s: %s", planId, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The same id for the same plan version, whoever fetches it. */
    private static UUID sourceEventId(PlanVersionApproved approved) {
        return UUID.nameUUIDFromBytes(("plans-service:" + approved.planId() + ":" + approved.version())
                .getBytes(StandardCharsets.UTF_8));
    }
}
