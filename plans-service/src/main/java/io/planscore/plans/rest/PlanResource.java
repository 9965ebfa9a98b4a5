package io.planscore.plans.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.planscore.plans.document.DocumentJson;
import io.planscore.platform.problem.Bounds;
import io.planscore.plans.document.TableFormats;
import io.planscore.plans.service.PageRequest;
import io.planscore.plans.service.PlanService;
import io.planscore.plans.service.PlanTransferService;
import io.planscore.plans.service.Views;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.Flags;
import io.planscore.platform.problem.Problem;
import io.planscore.platform.problem.ProblemException;
import io.planscore.platform.security.CurrentCaller;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plans and their versions. Thin: parsing and HTTP here, everything else in {@link PlanService}. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Plan documents, versions and approval")
public class PlanResource {

    /** A search filter longer than this cannot match anything a plan holds. */
    private static final int MAX_FILTER_LENGTH = 500;

    private final PlanService plans;
    private final PlanTransferService transfer;
    private final DocumentJson json;
    private final CurrentCaller caller;

    public PlanResource(PlanService plans, PlanTransferService transfer, DocumentJson json, CurrentCaller caller) {
        this.plans = plans;
        this.transfer = transfer;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a plan from a plan document",
            description = "The body is a `seed-plan-fixture/v1` document (a fixture is accepted as is). Version 1 is "
                    + "approved at once and published as PlanVersionApproved unless `draft=true`. The agency is "
                    + "`agencyId`, else the agency named by `plan.agency` (found or created under `plan.government`). "
                    + "Every problem of the document is reported at once (422) and nothing is stored; weights that "
                    + "do not add up are returned as `warnings`. Text holding U+0000 or longer than 10,000 characters "
                    + "(values and keys) and numbers longer than 100 digits written out (`1e10000`) are refused first "
                    + "(NUL_CHARACTER, TOO_LONG, NUMBER_OUT_OF_RANGE).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "minimal plan", value = Examples.DOCUMENT)))
    @APIResponse(responseCode = "201", description = "Stored; Location names the plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PlanView.class),
                    examples = @ExampleObject(name = "created", value = Examples.CREATED)))
    @APIResponse(responseCode = "400", description = "Not JSON, a number longer than 100 characters or beyond what "
            + "can be read (`1e2147483648`), or nesting deeper than 100 levels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = Examples.PROBLEM_400)))
    @APIResponse(responseCode = "422", description = "The document is not valid: every problem, located by path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_422)))
    public Response create(String body,
                           @Parameter(description = "keep version 1 a draft: true or false (anything else is 400)",
                                   schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("draft") String draft,
                           @Parameter(description = "the owning agency; default: found by plan.agency") @QueryParam("agencyId") UUID agencyId) throws JsonProcessingException {
        Views.PlanView created = plans.create(parse(body), Flags.parse("draft", draft, false), agencyId,
                caller.get().principal());
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/plans/" + created.id()).entity(created).build();
    }

    @GET
    @Operation(summary = "List and search plans",
            description = "Filters: `agency` (id, or part of the name; an id also matches its child agencies), "
                    + "`year` (AD, or ROC below 1912) inside the plan period, `kind` (mid_term, annual), `q` (part of "
                    + "the title or of an indicator's name, English name or measurement standard), `fixtureId` (exact). "
                    + "Pages from 0; size 1 to " + PlanService.MAX_PAGE_SIZE + " (default "
                    + PlanService.DEFAULT_PAGE_SIZE + ").")
    @APIResponse(responseCode = "200", description = "A page of plans (without documents)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PlanPage.class),
                    examples = @ExampleObject(name = "page", value = Examples.PAGE)))
    @APIResponse(responseCode = "400", description = "page or size not an integer, page < 0, size outside 1.."
            + PlanService.MAX_PAGE_SIZE + ", a page beyond the last reachable row, or a text filter with U+0000 or "
            + "longer than " + MAX_FILTER_LENGTH + " characters: the parameter is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = Examples.PROBLEM_PAGE_SIZE)))
    public Views.PlanPage list(@QueryParam("agency") String agency, @QueryParam("year") Integer year,
                               @QueryParam("kind") String kind, @QueryParam("q") String q,
                               @Parameter(description = "exact fixture_id of the document, e.g. 001-keelung-police-107-110") @QueryParam("fixtureId") String fixtureId,
                               @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                               @QueryParam("page") String page,
                               @Parameter(description = "plans per page, 1.." + PlanService.MAX_PAGE_SIZE,
                                       schema = @Schema(type = SchemaType.INTEGER, defaultValue = "" + PlanService.DEFAULT_PAGE_SIZE))
                               @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        Bounds.checkText("agency", agency, MAX_FILTER_LENGTH, errors);
        Bounds.checkText("kind", kind, MAX_FILTER_LENGTH, errors);
        Bounds.checkText("q", q, MAX_FILTER_LENGTH, errors);
        Bounds.checkText("fixtureId", fixtureId, MAX_FILTER_LENGTH, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors.get(0).message(), errors.get(0));
        }
        return plans.list(new PlanService.PlanQuery(agency, year, kind, q, fixtureId,
                PageRequest.of(page, size, PlanService.DEFAULT_PAGE_SIZE, PlanService.MAX_PAGE_SIZE)));
    }

    @GET
    @Path("/{planId}")
    @Operation(summary = "Read a plan with its document",
            description = "The version asked for, else the approved version in force, else the latest draft. "
                    + "`counts` are computed from the document (goals, indicators, common ones, target cells).")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PlanView.class),
                    examples = @ExampleObject(name = "plan", value = Examples.PLAN)))
    @APIResponse(responseCode = "404", description = "No such plan or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_404)))
    public Views.PlanView get(@PathParam("planId") UUID planId, @QueryParam("version") Integer version) {
        return plans.get(planId, version);
    }

    @PUT
    @Path("/{planId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a plan: a new draft version",
            description = "The body is the whole revised document. It takes effect when approved.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "revised plan", value = Examples.DOCUMENT)))
    @APIResponse(responseCode = "201", description = "The new draft version; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PlanView.class),
                    examples = @ExampleObject(name = "draft", value = Examples.DRAFT)))
    @APIResponse(responseCode = "404", description = "No such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_404)))
    @APIResponse(responseCode = "422", description = "The document is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_422)))
    public Response revise(@PathParam("planId") UUID planId, String body)
            throws JsonProcessingException {
        Views.PlanView draft = plans.revise(planId, parse(body), caller.get().principal());
        return Response.status(Response.Status.CREATED).header("Location", "/api/v1/plans/" + planId + "?version=" + draft.version()).entity(draft).build();
    }

    @GET
    @Path("/{planId}/versions")
    @Operation(summary = "List a plan's versions",
            description = "Status draft, approved (in force) or superseded, with who created and approved each and why. "
                    + "A JSON array, one page of it: pages from 0, size 1 to " + PlanService.MAX_VERSIONS_PAGE_SIZE
                    + " (default " + PlanService.MAX_VERSIONS_PAGE_SIZE + "); `X-Total-Count` gives the number of versions.")
    @APIResponse(responseCode = "200", description = "The versions, oldest first",
            headers = @Header(name = ArrayPages.TOTAL_COUNT, description = "How many versions the plan has",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Views.VersionView.class),
                    examples = @ExampleObject(name = "versions", value = Examples.VERSIONS)))
    @APIResponse(responseCode = "400", description = "page or size out of range: the parameter is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = Examples.PROBLEM_PAGE_SIZE)))
    @APIResponse(responseCode = "404", description = "No such plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_404)))
    public Response versions(@PathParam("planId") UUID planId,
                             @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                             @QueryParam("page") String page,
                             @Parameter(description = "versions per page, 1.." + PlanService.MAX_VERSIONS_PAGE_SIZE,
                                     schema = @Schema(type = SchemaType.INTEGER, defaultValue = "" + PlanService.MAX_VERSIONS_PAGE_SIZE))
                             @QueryParam("size") String size) {
        return ArrayPages.of(plans.versions(planId, PageRequest.of(page, size, PlanService.MAX_VERSIONS_PAGE_SIZE,
                PlanService.MAX_VERSIONS_PAGE_SIZE)));
    }

    @GET
    @Path("/{planId}/versions/{from}/diff/{to}")
    @Operation(summary = "What changed between two versions",
            description = "Changed, added and removed fields by path; goals and indicators are matched by id "
                    + "(`goals[G1].indicators[G1-K2]`), targets by year (`targets[2019]`).")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.DiffView.class),
                    examples = @ExampleObject(name = "diff", value = Examples.DIFF)))
    @APIResponse(responseCode = "404", description = "No such plan or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_404)))
    public Views.DiffView diff(@PathParam("planId") UUID planId, @PathParam("from") int from, @PathParam("to") int to) {
        return plans.diff(planId, from, to);
    }

    /** Body of an approval. */
    public record Approval(String justification) {
    }

    @POST
    @Path("/{planId}/versions/{version}/approve")
    @Operation(summary = "Approve a draft version",
            description = "It takes effect: the previous approved version is superseded and PlanVersionApproved is "
                    + "published. A version that lowers a target of the version in force needs a justification.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Approval.class),
            examples = @ExampleObject(name = "approval", value = "{\"justification\": \"警政署 revised the national target for 2018.\"}")))
    @APIResponse(responseCode = "200", description = "The approved version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.PlanView.class),
                    examples = @ExampleObject(name = "approved", value = Examples.APPROVED)))
    @APIResponse(responseCode = "404", description = "No such plan or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_404)))
    @APIResponse(responseCode = "409", description = "Not a draft, or older than the version in force",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.PROBLEM_409)))
    @APIResponse(responseCode = "422", description = "A target is lowered and no justification is given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "lowered", value = Examples.PROBLEM_LOWERED)))
    @Consumes(MediaType.WILDCARD)
    public Views.PlanView approve(@PathParam("planId") UUID planId, @PathParam("version") int version, String body) throws JsonProcessingException {
        String justification = null;
        if (body != null && !body.isBlank()) {
            JsonNode approval = json.parse(body);
            JsonNode value = approval.get("justification");
            if (!approval.isObject() || (value != null && !value.isNull() && !value.isTextual())) {
                throw ProblemException.badRequest("The body is {\"justification\": \"…\"}.",
                        new FieldError("justification", "TYPE", "justification must be a string."));
            }
            justification = value == null || value.isNull() ? null : value.asText();
            List<FieldError> errors = new ArrayList<>();
            Bounds.checkText("justification", justification, Bounds.MAX_TEXT, errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid("The justification cannot be kept.", errors);
            }
        }
        return plans.approve(planId, version, justification, caller.get().principal());
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import plan documents (JSON)",
            description = "One document, `{\"plans\": [...]}` or an array of documents. All or nothing: every problem "
                    + "of every document is reported at once (paths `plans[i].…`) and nothing is stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "plans", value = "{\"plans\": [" + Examples.DOCUMENT + "]}")))
    @APIResponse(responseCode = "201", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.ImportResult.class),
                    examples = @ExampleObject(name = "imported", value = Examples.IMPORTED)))
    @APIResponse(responseCode = "400", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = Examples.PROBLEM_400)))
    @APIResponse(responseCode = "422", description = "A document is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_422)))
    public Response importJson(String body,
                               @Parameter(description = "keep version 1 of each plan a draft: true or false (anything else is 400)",
                                       schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("draft") String draft,
                               @Parameter(description = "the owning agency of every imported plan") @QueryParam("agencyId") UUID agencyId) throws JsonProcessingException {
        return imported(transfer.importJson(parse(body), Flags.parse("draft", draft, false), agencyId,
                caller.get().principal()));
    }

    @POST
    @Path("/import")
    @Consumes({TableFormats.CSV, "application/csv"})
    @Operation(summary = "Import a plan from a KPI table (CSV)",
            description = Examples.TABLE_LAYOUT)
    @RequestBody(required = true, content = @Content(mediaType = TableFormats.CSV,
            examples = @ExampleObject(name = "KPI table", value = Examples.CSV)))
    @APIResponse(responseCode = "201", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.ImportResult.class),
                    examples = @ExampleObject(name = "imported", value = Examples.IMPORTED)))
    @APIResponse(responseCode = "400", description = "Not readable CSV",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unreadable", value = Examples.PROBLEM_TABLE_400)))
    @APIResponse(responseCode = "422", description = "The table or the plan it describes is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_TABLE_422)))
    public Response importCsv(byte[] body, @BeanParam TableMetadata metadata) {
        try {
            List<List<String>> grid = TableFormats.readCsv(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
            return importTable(grid, metadata, "import.csv");
        } catch (TableFormats.UnreadableTable e) {
            throw ProblemException.badRequest(e.getMessage(), new FieldError("$", "UNREADABLE_CSV", e.getMessage()));
        }
    }

    @POST
    @Path("/import")
    @Consumes(TableFormats.XLSX)
    @Operation(summary = "Import a plan from a KPI table (XLSX)",
            description = "The sheet named KPI (else the first sheet), laid out as for CSV. " + Examples.TABLE_LAYOUT)
    @RequestBody(required = true, content = @Content(mediaType = TableFormats.XLSX,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.ImportResult.class),
                    examples = @ExampleObject(name = "imported", value = Examples.IMPORTED)))
    @APIResponse(responseCode = "400", description = "Not a readable workbook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unreadable", value = Examples.PROBLEM_TABLE_400)))
    @APIResponse(responseCode = "422", description = "The table or the plan it describes is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_TABLE_422)))
    public Response importXlsx(byte[] body, @BeanParam TableMetadata metadata) {
        try {
            return importTable(TableFormats.readXlsx(body == null ? new byte[0] : body), metadata, "import.xlsx");
        } catch (TableFormats.UnreadableTable e) {
            throw ProblemException.badRequest(e.getMessage(), new FieldError("$", "UNREADABLE_XLSX", e.getMessage()));
        }
    }

    @GET
    @Path("/{planId}/export")
    @Produces({MediaType.APPLICATION_JSON, TableFormats.CSV, TableFormats.XLSX})
    @Operation(summary = "Export a plan",
            description = "`json`: the stored document exactly (importing it gives the same document); `csv`, `xlsx`: "
                    + "the KPI table in the seed layout (see the import). `version` as for reading the plan.")
    @APIResponse(responseCode = "200", description = "The file (Content-Disposition names it)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json", value = Examples.DOCUMENT)),
                    @Content(mediaType = TableFormats.CSV, examples = @ExampleObject(name = "csv", value = Examples.CSV)),
                    @Content(mediaType = TableFormats.XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "Unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "format", value = Examples.PROBLEM_FORMAT)))
    @APIResponse(responseCode = "404", description = "No such plan or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_404)))
    public Response export(@PathParam("planId") UUID planId, @QueryParam("format") @DefaultValue("json") String format,
                           @QueryParam("version") Integer version) {
        PlanTransferService.Export export = transfer.export(planId, version, PlanTransferService.Format.of(format));
        return Response.ok(export.body(), export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }

    /** Plan metadata of a KPI-table import; wins over the table's header block. */
    public static class TableMetadata {
        @QueryParam("draft") @Parameter(description = "keep version 1 a draft: true or false (anything else is 400)",
                schema = @Schema(type = SchemaType.BOOLEAN))
        public String draft;
        @QueryParam("agencyId") @Parameter(description = "the owning agency; default: found by the agency name")
        public UUID agencyId;
        @QueryParam("title") @Parameter(description = "plan title (計畫名稱)")
        public String title;
        @QueryParam("agency") @Parameter(description = "agency name (機關)")
        public String agency;
        @QueryParam("agencyEn") @Parameter(description = "agency English name (機關英文名稱)")
        public String agencyEn;
        @QueryParam("government") @Parameter(description = "government (政府), the agency's parent")
        public String government;
        @QueryParam("kind") @Parameter(description = "mid_term or annual (default: annual for one year column)")
        public String kind;
        @QueryParam("parentPlan") @Parameter(description = "the plan this one is a chapter of (上位計畫)")
        public String parentPlan;
        @QueryParam("fixtureId") @Parameter(description = "a code for the plan (計畫代碼)")
        public String fixtureId;

        Map<String, String> overrides() {
            Map<String, String> map = new java.util.HashMap<>();
            map.put("title", title);
            map.put("agency", agency);
            map.put("agency_en", agencyEn);
            map.put("government", government);
            map.put("kind", kind);
            map.put("parent_plan", parentPlan);
            map.put("fixture_id", fixtureId);
            return map;
        }
    }

    private Response importTable(List<List<String>> grid, TableMetadata metadata, String source) {
        return imported(transfer.importTable(grid, metadata.overrides(), source, Flags.parse("draft", metadata.draft, false),
                metadata.agencyId, caller.get().principal()));
    }

    private static Response imported(Views.ImportResult result) {
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(result);
        if (result.plans().size() == 1) {
            response.header("Location", "/api/v1/plans/" + result.plans().get(0).id());
        }
        return response.build();
    }

    private JsonNode parse(String body) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The body is empty; it must be a plan document.",
                    new FieldError("$", "EMPTY", "The body is empty."));
        }
        return json.parse(body);
    }
}
