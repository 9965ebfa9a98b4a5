package io.planscore.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.planscore.platform.json.JsonErrors;
import io.planscore.platform.json.PlanscoreJson;
import io.planscore.platform.json.UnreadableJsonException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem+json: the field at fault for bad input, never a stack
 * trace, and a 500 only for our own bugs (logged with an id the caller can quote).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response dependencyUnavailable(DependencyUnavailableException e, UriInfo uri) {
        return Response.fromResponse(respond(e.problem(), uri))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e), uri);
    }

    /**
     * Jackson reads a number such as {@code 1e2147483648} (an exponent beyond an int) as far as the
     * parser, then fails with a bare NumberFormatException: that is bad input. Thrown anywhere else, it is our bug.
     * (Trees are read by {@link io.planscore.platform.json.PlanscoreJson}'s reader, which names the field.)
     */
    @ServerExceptionMapper
    public Response unreadableNumber(NumberFormatException e, UriInfo uri) {
        StackTraceElement[] stack = e.getStackTrace();
        if (stack.length == 0 || !stack[0].getClassName().startsWith("com.fasterxml.jackson.")) {
            return unexpected(e, uri);
        }
        return respond(Problem.of(400, "malformed-json", "The body is not valid JSON", UNREADABLE_NUMBER,
                List.of(new FieldError("$", "NUMBER_OUT_OF_RANGE", UNREADABLE_NUMBER))), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), "INVALID", v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(422, "validation", "The request is not valid", detail, errors), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // the JSON body reader wraps what Jackson could not read; the cause says where
            return respond(jsonProblem(json), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, title, e.getMessage(), List.of()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", incident, uri.getPath());
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident + ".", List.of()), uri);
    }

    private static final String UNREADABLE_NUMBER = "a number cannot be read: its exponent or length is out of range";

    /** A 400 naming where the body went wrong, in words of our own: Jackson's messages name Java classes. */
    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof UnreadableJsonException unreadable) {
            return shapeProblem(unreadable.field(), unreadable.code(), unreadable.getOriginalMessage());
        }
        if (e instanceof JsonMappingException mapping) {
            return shapeProblem(pathOf(mapping), "UNREADABLE", shapeMessage(mapping));
        }
        String message = e instanceof StreamConstraintsException
                ? "the body nests deeper than " + PlanscoreJson.MAX_NESTING_DEPTH + " levels or holds a number longer than "
                        + PlanscoreJson.MAX_NUMBER_LENGTH + " characters"
                : JsonErrors.message(e);
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return Problem.of(400, "malformed-json", "The body is not valid JSON", message + where,
                List.of(new FieldError("$", "MALFORMED_JSON", message)));
    }

    private static Problem shapeProblem(String field, String code, String message) {
        return Problem.of(400, "unreadable-body", "The body does not have the expected shape", field + ": " + message,
                List.of(new FieldError(field, code, message)));
    }

    private static String shapeMessage(JsonMappingException e) {
        if (e.getCause() instanceof NumberFormatException) {
            return UNREADABLE_NUMBER;
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "'" + unknown.getPropertyName() + "' is not a known field";
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + kindOf(mismatched.getTargetType());
        }
        return "cannot be read";
    }

    /** What a JSON client would call the type, never a Java class name. */
    private static String kindOf(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or instant";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    /** {@code events[3].value} from Jackson's reference chain. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Drops the method and parameter prefix of a violation path ({@code create.body.name} → {@code name}). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.at(uri == null ? null : uri.getPath()))
                .build();
    }
}
