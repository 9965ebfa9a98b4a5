package io.planscore.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A body Jackson tokenised but could not turn into values, located where the parser stopped: a number
 * whose exponent is beyond an int ({@code 1e2147483648}) or nesting beyond {@link PlanscoreJson#MAX_NESTING_DEPTH}.
 * The field is taken from the parser's own context, so it is right however deep the tree sits in the body.
 */
public class UnreadableJsonException extends JsonMappingException {

    /** A path into the body is cut after this many names: a 999-deep object is named by where it starts. */
    static final int MAX_PATH_NAMES = 5;

    private final String field;
    private final String code;

    UnreadableJsonException(JsonParser parser, String code, String message, Throwable cause) {
        super(parser, message, cause);
        this.field = fieldAt(parser);
        this.code = code;
    }

    /** {@code events[0].value}; {@code $} for the root. */
    public String field() {
        return field;
    }

    /** NUMBER_OUT_OF_RANGE or TOO_DEEP. */
    public String code() {
        return code;
    }

    static String fieldAt(JsonParser parser) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                steps.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                steps.push(context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        int names = 0;
        for (String step : steps) {
            boolean index = step.startsWith("[");
            if (!index && names++ == MAX_PATH_NAMES) {
                break;
            }
            if (!path.isEmpty() && !index) {
                path.append('.');
            }
            path.append(step);
        }
        return path.isEmpty() ? "$" : path.toString();
    }
}
