package io.planscore.platform.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A path or query parameter with U+0000 ({@code %00}) is a 400 naming it, on every route: no id, filter
 * or name can hold one, and PostgreSQL fails a query that carries it.
 */
public class NulParameters {

    @ServerRequestFilter
    public void refuse(UriInfo uri) {
        refuse(uri.getPathParameters());
        refuse(uri.getQueryParameters());
    }

    private static void refuse(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    String message = parameter.getKey() + " contains U+0000, which no parameter may hold";
                    throw ProblemException.badRequest(message, new FieldError(parameter.getKey(), "NUL_CHARACTER", message));
                }
            }
        }
    }
}
