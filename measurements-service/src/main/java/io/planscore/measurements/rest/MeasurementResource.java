package io.planscore.measurements.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.measurements.domain.Channel;
import io.planscore.measurements.repository.MeasurementRepository;
import io.planscore.measurements.service.Caller;
import io.planscore.measurements.service.EventResult;
import io.planscore.measurements.service.CsvImport;
import io.planscore.measurements.service.IngestReport;
import io.planscore.measurements.service.IngestionService;
import io.planscore.measurements.service.MeasurementQueries;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.planscore.platform.security.CurrentCaller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;



/**
 * Measurement events in (JSON, CSV) and the audit trail out. Thin: the pipeline is
 * {@link IngestionService}; Kafka submissions take the same path.
 */
@Path("/api/v1/measurements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measurements", description = "Post measurement events; read them with their correction chains and the rejected ones")
public class MeasurementResource {

    private static final int MAX_PAGE_SIZE = 1000;

    private static final String SINGLE_EXAMPLE = """
            {"eventId": "7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "planId": "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
             "indicatorId": "F3-G1-K二", "period": "2018", "value": 3, "unit": "案", "observedAt": "2018-12-31T00:00:00Z"}""";
    private static final String BATCH_EXAMPLE = """
            {"events": [
              {"eventId": "7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "planId": "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
               "indicatorId": "F4-G1-K一", "component": "A", "period": "2018-Q1", "value": "1250000.50"},
              {"eventId": "0b7e4f2a-1c3d-4e5f-8a9b-7c6d5e4f3a21", "planId": "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
               "indicatorId": "F3-G1-K二", "period": "2018", "value": 4, "kind": "correction",
               "supersedes": "7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "note": "late proposal counted"}
            ]}""";
    private static final String REPORT_EXAMPLE = """
            {"results": [
              {"eventId": "7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "status": "accepted", "errors": []},
              {"eventId": "7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "status": "duplicate", "errors": []},
              {"eventId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "status": "rejected", "errors": [
                {"field": "unit", "code": "UNIT_MISMATCH", "message": "unit '萬人次' is not a unit: 萬 is a scale (×10,000); post the value in 人次 (for example 8.5萬人次 as 85000 人次)"}]}
            ], "accepted": 1, "duplicates": 1, "rejected": 1}""";
    private static final String CSV_EXAMPLE = """
            eventId,planId,indicatorId,component,period,value,unit,kind,supersedes,observedAt,note,evidenceUrl
            ,5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e,F3-G1-K二,,2018,3,案,actual,,2018-12-31T00:00:00Z,,
            ,5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e,F4-G1-K一,A,2018-Q1,1250000.50,,,,,"first quarter, provisional",
            """;
    private static final String PROBLEM_403 = """
            {"type": "https://planscore.io/problems/forbidden", "title": "Not allowed", "status": 403,
             "detail": "Agency 9f3e may only post measurements for its own plans; 1 plan(s) in this request belong to another agency. Nothing was stored.",
             "instance": "/api/v1/measurements",
             "errors": [{"field": "planId", "code": "FORBIDDEN", "message": "plan '5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e' belongs to another agency"}]}""";
    private static final String PROBLEM_413 = """
            {"type": "https://planscore.io/problems/too-many-events", "title": "Too many events", "status": 413,
             "detail": "A request may carry at most 10000 events; this one has 10001. Split it into several requests (resending is safe: events are idempotent on eventId).",
             "errors": [{"field": "events", "code": "TOO_MANY_EVENTS", "message": "at most 10000 events per request"}]}""";
    private static final String PROBLEM_400 = """
            {"type": "https://planscore.io/problems/malformed-json", "title": "The body is not valid JSON", "status": 400,
             "detail": "Unexpected character ('}' (code 125)) at line 1, column 12",
             "errors": [{"field": "$", "code": "MALFORMED_JSON", "message": "Unexpected character ('}' (code 125))"}]}""";

    private final IngestionService ingestion;
    private final MeasurementQueries queries;
    private final CurrentCaller currentCaller;

    public MeasurementResource(IngestionService ingestion, MeasurementQueries queries, CurrentCaller currentCaller) {
        this.ingestion = ingestion;
        this.queries = queries;
        this.currentCaller = currentCaller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post one measurement event or a batch",
            description = "One event, or {\"events\": [...]} with up to 10,000 events, processed in order. Each event is "
                    + "accepted (recorded, MeasurementsRecorded published), a duplicate (same eventId and same body seen "
                    + "before: nothing changes) or rejected (stored, MeasurementRejected published) with a reason per "
                    + "field. Reason codes: MISSING_FIELD, INVALID_FIELD, MALFORMED_EVENT, CONFLICTING_DUPLICATE, "
                    + "UNKNOWN_PLAN, UNKNOWN_INDICATOR, UNKNOWN_COMPONENT, INVALID_PERIOD, PERIOD_OUT_OF_RANGE, "
                    + "UNIT_MISMATCH, INVALID_VALUE, OUT_OF_RANGE, INVALID_KIND, UNKNOWN_SUPERSEDED, FOREIGN_SUPERSEDED, "
                    + "ALREADY_SUPERSEDED. An agency may post only for its own plans: one event for another agency's "
                    + "plan makes the whole request 403 and nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "single", summary = "One event", value = SINGLE_EXAMPLE),
            @ExampleObject(name = "batch", summary = "A batch with a component value and a correction", value = BATCH_EXAMPLE)}))
    @APIResponse(responseCode = "202", description = "Processed: a status per event, in the order received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestReport.class),
                    examples = @ExampleObject(name = "mixed", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A single event (not a batch) was rejected: the fields at fault, with reason codes; "
            + "the event is kept in the rejected list (409 for the same eventId with a different body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON, or neither an event nor {\"events\": [...]}",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = PROBLEM_400)))
    @APIResponse(responseCode = "401", description = "No valid service identity: not sent through the gateway",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A viewer, or an agency posting for another agency's plan: nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "foreign plan", value = PROBLEM_403)))
    @APIResponse(responseCode = "413", description = "More than 10,000 events",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = PROBLEM_413)))
    public Response submit(JsonNode body) {
        Caller caller = Caller.of(currentCaller.get());
        ingestion.checkCaller(caller);
        IngestReport report = ingestion.ingestJson(body, caller);
        if (body != null && body.isObject() && !body.has("events") && report.rejected() == 1) {
            throw rejection(report.results().get(0));
        }
        return Response.accepted(report).build();
    }

    /**
     * A single event that is rejected is answered as an error, naming the fields at fault; like every
     * rejection it is kept in the rejected list and published. (A batch answers 202 with a status per event.)
     */
    private static ProblemException rejection(EventResult result) {
        boolean conflict = result.errors().stream().anyMatch(e -> "CONFLICTING_DUPLICATE".equals(e.code()));
        String detail = "The event was rejected and nothing was recorded: " + result.errors().stream()
                .map(e -> e.field() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; "))
                + ". It is kept in GET /api/v1/measurements/rejected.";
        return new ProblemException(Problem.of(conflict ? 409 : 422, "measurement-rejected",
                "The measurement was rejected", detail, result.errors()));
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import measurement events from CSV",
            description = "UTF-8, with or without a byte-order mark, RFC 4180 quoting. The first line is the header: "
                    + "eventId,planId,indicatorId,component,period,value,unit,kind,supersedes,observedAt,note,evidenceUrl "
                    + "(any order, any subset that includes planId and indicatorId; an empty cell is an absent field). "
                    + "Each row goes through the same pipeline as POST /api/v1/measurements. A row without an eventId "
                    + "gets a deterministic one, a version-5 UUID of the row's normalised content, so posting the same "
                    + "file again answers duplicate for its accepted rows. At most 10,000 rows.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "two rows", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Processed: a status per row (with its line number), in file order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestReport.class),
                    examples = @ExampleObject(name = "mixed", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, empty, or a header with unknown, repeated or missing columns",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid service identity: not sent through the gateway",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A viewer, or an agency importing for another agency's plan: nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "foreign plan", value = PROBLEM_403)))
    @APIResponse(responseCode = "413", description = "More than 10,000 rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importCsv(byte[] body) {
        Caller caller = Caller.of(currentCaller.get());
        ingestion.checkCaller(caller);
        var submissions = CsvImport.read(body == null ? new byte[0] : body, ingestion.maxEvents());
        return Response.accepted(ingestion.ingest(submissions, Channel.CSV, caller)).build();
    }

    @GET
    @Operation(summary = "List recorded measurement events with their correction chains",
            description = "Every recorded event (active, superseded or retracted), with supersedes, supersededBy, its "
                    + "status and the whole chain it belongs to, plus who sent it, when and how. Only active events count "
                    + "for scores. Ordered by indicator, year, period and recording time.")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a corrected value", value = """
                    {"items": [
                      {"eventId": "7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "planId": "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e", "planVersion": 1,
                       "agencyId": "9f3e", "indicatorId": "F3-G1-K二", "component": null, "period": "2018", "year": 2018, "value": 3,
                       "unit": "案", "kind": "actual", "status": "superseded", "supersedes": null,
                       "supersededBy": "0b7e4f2a-1c3d-4e5f-8a9b-7c6d5e4f3a21",
                       "chain": ["7d1c2a9e-4b6f-4c1d-9a3e-2f5b8c7d6e10", "0b7e4f2a-1c3d-4e5f-8a9b-7c6d5e4f3a21"],
                       "observedAt": null, "recordedAt": "2026-11-22T02:00:01Z", "submittedBy": "key:3f", "channel": "http",
                       "note": null, "evidenceUrl": null}],
                     "page": 0, "size": 100, "total": 2}""")))
    @APIResponse(responseCode = "400", description = "page or size not an integer, page < 0, size outside 1..1000, or a "
            + "page beyond the last reachable row: the parameter is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<MeasurementView> list(
            @Parameter(description = "Only this plan") @QueryParam("planId") String planId,
            @Parameter(description = "Only this indicator (its id in the plan document)") @QueryParam("indicatorId") String indicatorId,
            @Parameter(description = "Only periods in this year (AD)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("year") String yearText,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1..1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100"))
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        Integer year = blankToNull(yearText) == null ? null : integer("year", yearText);
        int page = integer("page", pageText);
        int size = integer("size", sizeText);
        checkPage(page, size);
        var result = queries.measurements(new MeasurementRepository.Filter(blankToNull(planId), blankToNull(indicatorId), year),
                page, size);
        return new PageView<>(result.items().stream().map(c -> MeasurementView.of(c.event(), c.chain())).toList(), page,
                size, result.total());
    }

    @GET
    @Path("/rejected")
    @Operation(summary = "List rejected submissions",
            description = "Every submission that was not recorded (any way in), newest first: the body as received "
                    + "(a number too long to read back kept as its text; a body over 64 KiB kept as its head, size and "
                    + "SHA-256, with truncated: true), each error with its field, code and message, the channel, when and from whom.")
    @APIResponse(responseCode = "200", description = "One page of rejections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a unit error", value = """
                    {"items": [
                      {"rejectionId": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "eventId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
                       "planId": "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
                       "errors": [{"field": "unit", "code": "UNIT_MISMATCH", "message": "unit '萬人次' is not a unit: 萬 is a scale (×10,000); post the value in 人次 (for example 8.5萬人次 as 85000 人次)"}],
                       "body": {"eventId": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a", "planId": "5b0c6d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e",
                                "indicatorId": "G6-K2", "period": "2020", "value": 8.5, "unit": "萬人次"},
                       "channel": "http", "receivedAt": "2026-11-22T02:00:01Z", "principal": "key:3f"}],
                     "page": 0, "size": 100, "total": 1}""")))
    @APIResponse(responseCode = "400", description = "page or size not an integer, page < 0, size outside 1..1000, or a "
            + "page beyond the last reachable row: the parameter is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<RejectedView> rejected(
            @Parameter(description = "Only rejections naming this plan") @QueryParam("planId") String planId,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1..1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100"))
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        int page = integer("page", pageText);
        int size = integer("size", sizeText);
        checkPage(page, size);
        var result = queries.rejections(blankToNull(planId), page, size);
        return new PageView<>(result.items().stream().map(r -> new RejectedView(r.row().rejectionId, r.row().eventId,
                r.row().planId, r.errors(), r.body(), r.row().channel, r.row().receivedAt, r.row().principal)).toList(),
                page, size, result.total());
    }

    private static int integer(String name, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            String message = name + " '" + text + "' is not an integer";
            throw ProblemException.badRequest(message, new FieldError(name, "INVALID_FIELD", message));
        }
    }

    /** Rejects a negative page, a size outside 1..max, and a page whose first row lies beyond an int row offset. */
    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page must be 0 or more",
                    new FieldError("page", "INVALID_FIELD", "page must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            String message = "size must be between 1 and " + MAX_PAGE_SIZE;
            throw ProblemException.badRequest(message, new FieldError("size", "INVALID_FIELD", message));
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            String message = "page " + page + " of size " + size + " starts beyond the last row a list can reach ("
                    + Integer.MAX_VALUE + ")";
            throw ProblemException.badRequest(message, new FieldError("page", "INVALID_FIELD", message));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

}
