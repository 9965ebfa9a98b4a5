package io.planscore.measurements.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.planscore.measurements.domain.Channel;
import io.planscore.measurements.domain.Kind;
import io.planscore.measurements.domain.Measurement;
import io.planscore.measurements.domain.MeasurementStatus;
import io.planscore.measurements.domain.RejectedMeasurement;
import io.planscore.measurements.events.MeasurementRecorded;
import io.planscore.measurements.events.MeasurementRejected;
import io.planscore.measurements.events.MeasurementsRecorded;
import io.planscore.measurements.plan.PlanCatalog;
import io.planscore.measurements.plan.PlanRules;
import io.planscore.measurements.repository.MeasurementRepository;
import io.planscore.platform.events.EventEnvelope;
import io.planscore.platform.inbox.Inbox;
import io.planscore.platform.outbox.Outbox;
import io.planscore.platform.problem.Bounds;
import io.planscore.platform.problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Processes one chunk of submissions in one transaction: two bulk lookups (the recorded events the
 * chunk names, the plans it posts for), then each event in order. An accepted event is inserted and
 * announced in its plan's {@code MeasurementsRecorded} (one outbox message per plan and chunk, however many
 * events); a rejected one is stored with its {@code MeasurementRejected}; a duplicate changes nothing. Rows,
 * supersede marks and outbox messages are written in JDBC batches at the end of the chunk (no entity is managed
 * for an accepted event), so a chunk costs a handful of round trips, not one per event. Events later in the chunk
 * see the ones accepted before them (duplicates and corrections inside one batch work).
 */
@ApplicationScoped
public class ChunkProcessor {

    public static final String PRODUCER = "measurements-service";
    static final String INBOX_CONSUMER = "measurements-service.submitted";
    /**
     * A rejected body larger than this (UTF-8 bytes) is kept as its head, size and SHA-256: stored and
     * published whole, it could exceed what the broker accepts in one record (1 MB by default).
     */
    static final int MAX_STORED_BODY = 64 * 1024;
    static final int STORED_HEAD = 4096;

    private final MeasurementRepository measurements;
    private final PlanCatalog catalog;
    private final Outbox outbox;
    private final Inbox inbox;
    private final ObjectMapper mapper;

    public ChunkProcessor(MeasurementRepository measurements, PlanCatalog catalog, Outbox outbox, Inbox inbox,
                          ObjectMapper mapper) {
        this.measurements = measurements;
        this.catalog = catalog;
        this.outbox = outbox;
        this.inbox = inbox;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<EventResult> process(List<Submission> chunk, Channel channel, Caller requestCaller) {
        Set<UUID> ids = new HashSet<>();
        Set<String> planIds = new HashSet<>();
        for (Submission submission : chunk) {
            ParsedEvent e = submission.parsed();
            if (e != null) {
                if (e.eventId() != null) {
                    ids.add(e.eventId());
                }
                if (e.supersedes() != null) {
                    ids.add(e.supersedes());
                }
                if (e.planId() != null) {
                    planIds.add(e.planId());
                }
            }
        }
        Map<UUID, Measurement> known = new HashMap<>(measurements.findByIds(ids));
        Map<String, PlanRules> plans = catalog.load(planIds);
        List<UUID> inboxKeys = chunk.stream().map(Submission::inboxKey).filter(Objects::nonNull).toList();
        Set<UUID> firstDeliveries = inbox.firstDeliveries(inboxKeys, INBOX_CONSUMER);

        Written written = new Written(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new ArrayList<>(), new ArrayList<>());
        List<EventResult> results = new ArrayList<>(chunk.size());
        for (Submission submission : chunk) {
            if (submission.inboxKey() != null && !firstDeliveries.contains(submission.inboxKey())) {
                results.add(new EventResult(null, submission.row(), EventResult.SKIPPED, List.of()));
                continue;
            }
            Caller caller = submission.caller() != null ? submission.caller() : requestCaller;
            results.add(processOne(submission, channel, caller, submission.caller() != null, known, plans, written));
        }
        // new rows before the marks that point at them; each kind is one JDBC batch or statement
        measurements.insertAll(written.accepted());
        measurements.markSuperseded(written.superseded().values());
        written.rejected().forEach(r -> r.persist());
        written.recorded().forEach((planId, recorded) -> written.outgoing().addAll(announcements(planId, recorded)));
        outbox.publishAll(written.outgoing());
        return results;
    }

    /**
     * What a chunk writes at its end: accepted events, the events they supersede, the accepted events' payloads per
     * plan, rejections, outbox messages.
     */
    private record Written(List<Measurement> accepted, Map<UUID, Measurement> superseded,
                           Map<String, List<MeasurementRecorded>> recorded, List<Outbox.Pending> outgoing,
                           List<RejectedMeasurement> rejected) {
    }

    /** A plan's accepted events, in order, as few {@code MeasurementsRecorded} messages as fit the broker. */
    private List<Outbox.Pending> announcements(String planId, List<MeasurementRecorded> recorded) {
        Instant now = Instant.now();
        long planVersion = recorded.get(recorded.size() - 1).planVersion();
        return MeasurementsRecorded.of(planId, recorded).stream()
                .map(batch -> new Outbox.Pending(MeasurementRecorded.TOPIC, new EventEnvelope(UUID.randomUUID(),
                        MeasurementsRecorded.TYPE, 1, now, planId, planVersion, PRODUCER, mapper.valueToTree(batch))))
                .toList();
    }

    private EventResult processOne(Submission submission, Channel channel, Caller caller, boolean checkCallerPerEvent,
                                   Map<UUID, Measurement> known, Map<String, PlanRules> plans, Written written) {
        ParsedEvent e = submission.parsed();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (e == null) {
            return reject(submission, null, EventParser.malformed(submission.malformed()), channel, caller, now, written);
        }
        if (e.eventId() != null) {
            Measurement existing = known.get(e.eventId());
            if (existing != null) {
                if (existing.bodyHash.equals(e.bodyHash())) {
                    return new EventResult(e.eventIdText(), submission.row(), EventResult.DUPLICATE, List.of());
                }
                return reject(submission, e, List.of(MeasurementValidator.error("eventId",
                        ReasonCode.CONFLICTING_DUPLICATE, "eventId " + e.eventId() + " was recorded on "
                                + existing.recordedAt + " with a different body: an eventId names one event forever; "
                                + "use a new eventId, or a correction to change a value")), channel, caller, now, written);
            }
        }
        PlanRules plan = e.planId() == null ? null : plans.get(e.planId());
        List<FieldError> errors = MeasurementValidator.validate(e, plan, checkCallerPerEvent ? caller : null, known);
        if (!errors.isEmpty()) {
            return reject(submission, e, errors, channel, caller, now, written);
        }
        Measurement recorded = accept(e, Objects.requireNonNull(plan), channel, caller, known, now, written);
        known.put(recorded.eventId, recorded);
        return new EventResult(e.eventIdText(), submission.row(), EventResult.ACCEPTED, List.of());
    }

    private Measurement accept(ParsedEvent e, PlanRules plan, Channel channel, Caller caller,
                               Map<UUID, Measurement> known, Instant now, Written written) {
        Measurement old = e.supersedes() == null ? null : known.get(e.supersedes());
        Measurement m = new Measurement();
        m.eventId = e.eventId();
        m.planId = e.planId();
        m.planVersion = plan.version();
        m.agencyId = plan.agencyId();
        m.indicatorId = e.indicatorId();
        m.component = e.component();
        m.period = e.period() != null ? e.period().text() : old.period;
        m.year = e.period() != null ? e.period().year() : old.year;
        m.value = e.value();
        m.unit = e.unit();
        m.kind = e.kind().wire();
        m.supersedes = e.supersedes();
        m.status = MeasurementStatus.ACTIVE.wire();
        m.observedAt = e.observedAt();
        m.note = e.note();
        m.evidenceUrl = e.evidenceUrl();
        m.recordedAt = now;
        m.submittedBy = caller.principal();
        m.channel = channel.wire();
        m.bodyHash = e.bodyHash();
        m.body = e.canonicalBody();
        written.accepted().add(m);
        if (old != null) {
            // in memory too: later events of the chunk are validated against it
            old.supersededBy = m.eventId;
            old.status = (e.kind() == Kind.RETRACTION ? MeasurementStatus.RETRACTED : MeasurementStatus.SUPERSEDED).wire();
            written.superseded().put(old.eventId, old);
        }
        written.recorded().computeIfAbsent(m.planId, id -> new ArrayList<>()).add(new MeasurementRecorded(m.eventId,
                m.planId, m.planVersion, m.agencyId, m.indicatorId, m.component, m.period, m.year, m.value, m.unit,
                m.kind, m.supersedes, m.observedAt, m.recordedAt, m.submittedBy, m.channel, m.note, m.evidenceUrl));
        return m;
    }

    private EventResult reject(Submission submission, ParsedEvent e, List<FieldError> errors, Channel channel,
                               Caller caller, Instant now, Written written) {
        JsonNode body = bounded(storable(submission.body() != null ? submission.body() : rawBody(submission.raw())));
        errors = errors.stream().map(error -> new FieldError(error.field(), error.code(), storable(error.message())))
                .toList();
        RejectedMeasurement r = new RejectedMeasurement();
        r.rejectionId = UUID.randomUUID();
        r.eventId = e == null ? null : e.eventId();
        r.planId = e == null ? null : e.planId();
        r.body = write(body);
        r.errors = write(errors);
        r.channel = channel.wire();
        r.receivedAt = now;
        r.principal = caller.principal();
        written.rejected().add(r);
        MeasurementRejected payload = new MeasurementRejected(r.rejectionId, r.eventId, r.planId, errors, body,
                r.channel, now);
        written.outgoing().add(new Outbox.Pending(MeasurementRejected.TOPIC, new EventEnvelope(r.rejectionId,
                MeasurementRejected.TYPE, 1, now, r.planId == null ? "unassigned" : r.planId, 0, PRODUCER,
                mapper.valueToTree(payload))));
        return new EventResult(e == null ? null : e.eventIdText(), submission.row(), EventResult.REJECTED, errors);
    }

    /**
     * The body as received, except for NUL characters (U+0000), which PostgreSQL text and jsonb cannot
     * hold: they are kept as U+FFFD so that the rejection is stored (and the rest of its chunk with it);
     * and a number whose digits could not be read back ({@code 1e5000}) is kept as its text, {@code "1E+5000"}.
     */
    private JsonNode storable(JsonNode node) {
        if (node.isBigDecimal() && !Bounds.fitsPlainDigits(node.decimalValue())) {
            return mapper.getNodeFactory().textNode(node.decimalValue().toString());
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.indexOf(EventParser.NUL) < 0 ? node : mapper.getNodeFactory().textNode(storable(text));
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(storable(field.getKey()), storable(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(element -> copy.add(storable(element)));
            return copy;
        }
        return node;
    }

    /** The body, or when it is larger than {@link #MAX_STORED_BODY}: its head, its size and its SHA-256. */
    private JsonNode bounded(JsonNode body) {
        String text = write(body);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_STORED_BODY) {
            return body;
        }
        int head = Character.isHighSurrogate(text.charAt(STORED_HEAD - 1)) ? STORED_HEAD - 1 : STORED_HEAD;
        return mapper.createObjectNode()
                .put("truncated", true)
                .put("size", utf8.length)
                .put("sha256", EventParser.sha256(text))
                .put("head", text.substring(0, head));
    }

    private static String storable(String text) {
        return text == null ? null : text.replace(EventParser.NUL, '\uFFFD');
    }

    private JsonNode rawBody(String raw) {
        if (raw != null) {
            try {
                JsonNode parsed = mapper.readTree(raw);
                if (parsed != null && !parsed.isMissingNode()) {
                    return parsed;
                }
            } catch (JsonProcessingException | NumberFormatException ignored) {
                // not JSON, or a number Jackson cannot read: kept as text below
            }
        }
        return mapper.createObjectNode().put("raw", raw);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
