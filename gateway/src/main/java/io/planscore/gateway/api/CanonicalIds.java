package io.planscore.gateway.api;

import io.planscore.gateway.security.Ids;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route taking an agency or plan id sees it canonical (see {@link Ids}): UUID path segments and the
 * id query parameters are lower-cased before matching, so the resource, the key store, the stream filter
 * and the service called all see one spelling. A key issued under {@code /agencies/9F3E…} is stored for
 * {@code 9f3e…} and then acts for that agency's plans.
 */
public class CanonicalIds {

    private static final Set<String> ID_PARAMETERS = Set.of("agencyId", "planId", "agency", "keyId");
    private static final Pattern SEGMENT_OR_PARAMETER = Pattern.compile("[^/?&=]+");

    @ServerRequestFilter(preMatching = true)
    public void canonicalise(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = canonicalPath(uri.getRawPath());
        String query = canonicalQuery(uri.getRawQuery());
        if (!path.equals(uri.getRawPath()) || (query != null && !query.equals(uri.getRawQuery()))) {
            // raw path and query, built as text: a URI builder would encode their escapes again
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (query == null ? "" : "?" + query)));
        }
    }

    private static String canonicalPath(String path) {
        Matcher segments = SEGMENT_OR_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (segments.find()) {
            segments.appendReplacement(out, Matcher.quoteReplacement(Ids.canonical(segments.group())));
        }
        return segments.appendTail(out).toString();
    }

    private static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (!out.isEmpty()) {
                out.append('&');
            }
            if (equals > 0 && ID_PARAMETERS.contains(pair.substring(0, equals))) {
                out.append(pair, 0, equals + 1).append(Ids.canonical(pair.substring(equals + 1)));
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }
}
