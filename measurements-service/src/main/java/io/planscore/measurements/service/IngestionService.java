package io.planscore.measurements.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.measurements.domain.Channel;
import io.planscore.measurements.plan.PlanCatalog;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one ingestion pipeline behind every way in: JSON over HTTP, CSV import and the Kafka topic
 * {@code measurements.submitted.v1}. Events are processed in the order received, in chunks of
 * {@code measurements.ingest.chunk-size} events, one transaction per chunk. A chunk that loses a race
 * with a concurrent request for the same eventId (or the same superseded event) is rolled back and
 * processed again, when it sees the other request's events and answers {@code duplicate} or rejects.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);
    private static final int ATTEMPTS = 4;

    private final ChunkProcessor processor;
    private final PlanCatalog catalog;
    private final int chunkSize;
    private final int maxEvents;

    public IngestionService(ChunkProcessor processor, PlanCatalog catalog,
                            @ConfigProperty(name = "measurements.ingest.chunk-size", defaultValue = "1000") int chunkSize,
                            @ConfigProperty(name = "measurements.ingest.max-events", defaultValue = "10000") int maxEvents) {
        this.processor = processor;
        this.catalog = catalog;
        this.chunkSize = chunkSize;
        this.maxEvents = maxEvents;
    }

    public int maxEvents() {
        return maxEvents;
    }

    /** A JSON body: one event, or {@code {"events": [...]}}. */
    public IngestReport ingestJson(JsonNode body, Caller caller) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.badRequest("The body is empty: send one measurement event or {\"events\": [...]}.",
                    new FieldError("$", "MISSING_FIELD", "the body is empty"));
        }
        if (!body.isObject()) {
            throw ProblemException.badRequest("The body must be one measurement event (a JSON object) or "
                    + "{\"events\": [...]}.", new FieldError("$", "MALFORMED_EVENT", "the body is not a JSON object"));
        }
        List<Submission> submissions = new ArrayList<>();
        JsonNode events = body.get("events");
        if (events != null && !events.isNull()) {
            if (!events.isArray()) {
                throw ProblemException.badRequest("events must be an array of measurement events.",
                        new FieldError("events", "MALFORMED_EVENT", "events is not an array"));
            }
            tooMany(events.size());
            for (JsonNode event : events) {
                submissions.add(Submission.of(event, null, null, null, null));
            }
        } else {
            submissions.add(Submission.of(body, null, null, null, null));
        }
        return ingest(submissions, Channel.HTTP, caller);
    }

    public void tooMany(int count) {
        if (count > maxEvents) {
            throw new ProblemException(Problem.of(413, "too-many-events", "Too many events",
                    "A request may carry at most " + maxEvents + " events; this one has " + count
                            + ". Split it into several requests (resending is safe: events are idempotent on eventId).",
                    List.of(new FieldError("events", "TOO_MANY_EVENTS", "at most " + maxEvents + " events per request"))));
        }
    }

    /** HTTP and CSV: the caller is checked for the whole request before anything is stored. */
    public IngestReport ingest(List<Submission> submissions, Channel channel, Caller caller) {
        authorize(submissions, caller);
        long start = System.nanoTime();
        IngestReport report = IngestReport.of(process(submissions, channel, caller));
        LOG.infof("Ingested %s %s events from %s in %s ms: %s accepted, %s duplicates, %s rejected",
                submissions.size(), channel.wire(), caller.principal(), (System.nanoTime() - start) / 1_000_000,
                report.accepted(), report.duplicates(), report.rejected());
        return report;
    }

    /**
     * Kafka: each record carries the caller its topic stands for (there is no request-wide one), and a
     * redelivered record is skipped.
     */
    public List<EventResult> ingestKafka(List<Submission> submissions) {
        submissions.forEach(submission -> Objects.requireNonNull(submission.caller(), "a Kafka record's caller"));
        return process(submissions, Channel.KAFKA, null);
    }

    private List<EventResult> process(List<Submission> submissions, Channel channel, Caller caller) {
        List<EventResult> results = new ArrayList<>(submissions.size());
        for (int from = 0; from < submissions.size(); from += chunkSize) {
            List<Submission> chunk = submissions.subList(from, Math.min(from + chunkSize, submissions.size()));
            results.addAll(processChunk(chunk, channel, caller));
        }
        return results;
    }

    private List<EventResult> processChunk(List<Submission> chunk, Channel channel, Caller caller) {
        for (int attempt = 1; ; attempt++) {
            try {
                long start = System.nanoTime();
                List<EventResult> results = processor.process(chunk, channel, caller);
                LOG.debugf("Chunk of %s %s events processed in %s ms", (Object) chunk.size(), channel.wire(),
                        (System.nanoTime() - start) / 1_000_000);
                return results;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
                LOG.infof("Chunk of %d events raced a concurrent write (attempt %d): processing it again",
                        chunk.size(), attempt);
            }
        }
    }

    /**
     * 401 without a role, 403 for a viewer, an agency caller without an agency, or any event for a plan
     * of another agency: then nothing of the request is stored (the gateway relies on this check).
     */
    void authorize(List<Submission> submissions, Caller caller) {
        checkCaller(caller);
        if (caller.role() == Caller.Role.ADMIN) {
            return;
        }
        authorizePlans(submissions, caller);
    }

    /** The identity checks that need no body: 401 without a role, 403 for a viewer or an agency without an id. */
    public void checkCaller(Caller caller) {
        if (caller == null || caller.role() == null) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Caller unknown",
                    "The request carries no known role (admin, agency or viewer); "
                            + "measurements are posted through the gateway.", List.of()));
        }
        if (caller.role() == Caller.Role.VIEWER) {
            throw ProblemException.forbidden("A viewer may read measurements but not post them; nothing was stored.");
        }
        if (caller.role() == Caller.Role.AGENCY && (caller.agencyId() == null || caller.agencyId().isBlank())) {
            throw ProblemException.forbidden("An agency caller must name its agency; nothing was stored.");
        }
    }

    private void authorizePlans(List<Submission> submissions, Caller caller) {
        TreeSet<String> planIds = new TreeSet<>();
        for (Submission s : submissions) {
            if (s.parsed() != null && s.parsed().planId() != null) {
                planIds.add(s.parsed().planId());
            }
        }
        Map<String, String> agencies = catalog.agencies(planIds);
        List<String> foreign = planIds.stream()
                .filter(planId -> agencies.containsKey(planId) && !caller.mayPostFor(agencies.get(planId)))
                .toList();
        if (!foreign.isEmpty()) {
            List<FieldError> errors = foreign.stream().map(planId -> new FieldError("planId", "FORBIDDEN",
                    "plan '" + planId + "' belongs to another agency")).toList();
            throw new ProblemException(Problem.of(403, "forbidden", "Not allowed",
                    "Agency " + caller.agencyId() + " may only post measurements for its own plans; "
                            + foreign.size() + " plan(s) in this request belong to another agency. Nothing was stored.",
                    errors));
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (Objects.equals(next.getSQLState(), "23505")) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
