package io.planscore.scoring.rest;

import io.planscore.platform.security.CurrentCaller;
import io.planscore.platform.problem.Bounds;
import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;
import io.planscore.scoring.domain.AdminInput;
import io.planscore.scoring.repository.AdminInputRepository;
import io.planscore.scoring.service.ScoringService;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.planscore.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Administrators' scoring inputs: verdicts, awards, external targets and baseline values. */
@Path("/api/v1/scores/plans/{planId}/admin-inputs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Scorecards, their history and explanations, administrators' inputs, rebuilds")
public class AdminInputsResource {

    /** Far beyond any indicator id of a plan document. */
    private static final int MAX_ID_LENGTH = 200;

    private final ScoringService scoring;
    private final AdminInputRepository inputs;
    private final CurrentCaller caller;

    public AdminInputsResource(ScoringService scoring, AdminInputRepository inputs, CurrentCaller caller) {
        this.scoring = scoring;
        this.inputs = inputs;
        this.caller = caller;
    }

    public record NewInput(String indicatorId, Integer year, String kind, BigDecimal value, String note) {
    }

    public record InputView(UUID id, String planId, String indicatorId, int year, AdminInput.Kind kind,
                            BigDecimal value, String note, String enteredBy, Instant enteredAt) {
        static InputView of(AdminInput input) {
            return new InputView(input.id, input.planId, input.indicatorId, input.year, input.kind, input.value,
                    input.note, input.enteredBy, input.enteredAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a verdict, award, external target or baseline value; the plan-year is rescored",
            description = """
            `kind` is `verdict` (the achievement of a text target, 1 = met), `award` (discretionary bonus points),
            `external_target` (a target set later by another authority) or `baseline_value` (an earlier year's value
            feeding a baseline). The affected plan-years are rescored and published at once.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "baseline value",
            value = "{\"indicatorId\": \"F1-G1-K1\", \"year\": 2017, \"kind\": \"baseline_value\", \"value\": 74.2}")))
    @APIResponse(responseCode = "201", description = "Stored, and the plan-year rescored; `Location` names the input",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputView.class)))
    @APIResponse(responseCode = "422", description = "A field missing or out of bounds: value beyond 100 digits written out "
            + "(NUMBER_OUT_OF_RANGE), note or indicatorId with U+0000 (NUL_CHARACTER) or too long (TOO_LONG)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "huge value", value = """
                            {"type": "https://planscore.io/problems/validation", "title": "The request is not valid",
                             "status": 422, "detail": "The input is not valid.", "errors": [{"field": "value",
                             "code": "NUMBER_OUT_OF_RANGE", "message": "value 1E+10000 has more than 100 digits written out."}]}""")))
    public Response enter(@PathParam("planId") String planId, NewInput body) {
        AdminInput input = validate(planId, body);
        input.enteredBy = caller.get().principal();
        InputView view = InputView.of(scoring.apply(input));
        return Response.created(URI.create("/api/v1/scores/plans/" + planId + "/admin-inputs/" + view.id()))
                .entity(view).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The administrators' inputs of a plan, oldest first")
    @APIResponse(responseCode = "200", description = "Every input of the plan", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = InputView.class)))
    public List<InputView> list(@PathParam("planId") String planId) {
        return inputs.ofPlan(planId).stream().map(InputView::of).toList();
    }

    private static AdminInput validate(String planId, NewInput body) {
        if (body == null) {
            throw ProblemException.invalid(new FieldError("$", "MISSING_BODY", "A JSON body is required."));
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.indicatorId() == null || body.indicatorId().isBlank()) {
            errors.add(new FieldError("indicatorId", "MISSING_FIELD", "indicatorId is required."));
        }
        if (body.year() == null) {
            errors.add(new FieldError("year", "MISSING_FIELD", "year (AD) is required."));
        }
        if (body.value() == null) {
            errors.add(new FieldError("value", "MISSING_FIELD", "value is required."));
        }
        // before the engine or the database turns the value into digits
        Bounds.checkNumber("value", body.value(), errors);
        Bounds.checkText("indicatorId", body.indicatorId(), MAX_ID_LENGTH, errors);
        Bounds.checkText("note", body.note(), Bounds.MAX_TEXT, errors);
        AdminInput.Kind kind = null;
        try {
            kind = body.kind() == null ? null : AdminInput.Kind.valueOf(body.kind());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "INVALID_KIND",
                    "kind must be one of verdict, award, external_target, baseline_value."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The input is not valid.", errors);
        }
        AdminInput input = new AdminInput();
        input.id = UUID.randomUUID();
        input.planId = planId;
        input.indicatorId = body.indicatorId();
        input.year = body.year();
        input.kind = kind;
        input.value = body.value();
        input.note = body.note();
        input.enteredAt = Instant.now();
        return input;
    }
}
