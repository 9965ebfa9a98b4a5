package io.planscore.gateway.security;

import io.planscore.platform.problem.Problem;

import java.util.List;

/**
 * The problem+json bodies of the gateway's own refusals. They say what to do and never name a class: the
 * same body whether the refusal comes from the HTTP layer ({@link RefusalHandlers}) or from a resource.
 */
public final class Refusals {

    public static final String RETRY_AFTER = "Retry-After";
    /** Both ways in, as two challenges. */
    public static final List<String> CHALLENGES =
            List.of("ApiKey header=\"" + ApiKeyAuthenticationMechanism.HEADER + "\"", "Bearer realm=\"planscore\"");

    private Refusals() {
    }

    public static Problem unauthenticated() {
        return Problem.of(401, "unauthenticated", "Not authenticated",
                "Give a valid, unrevoked API key in the X-API-Key header or a valid bearer JWT.", List.of());
    }

    public static Problem forbidden() {
        return Problem.of(403, "forbidden", "Not allowed",
                "This credential's role may not do this; ask an administrator for a key with the right role.", List.of());
    }

    public static Problem tooLarge(long maxBytes) {
        return Problem.of(413, "payload-too-large", "The body is too large",
                "A request body may have at most " + maxBytes + " bytes; send the data in smaller parts.", List.of());
    }

    public static Problem uriTooLong(int maxChars) {
        return Problem.of(414, "uri-too-long", "The URI is too long",
                "A request's path and query may have at most " + maxChars + " characters (percent-encoded); "
                        + "send long values in a body or in several requests.", List.of());
    }

    public static Problem tooManyRequests(String detail) {
        return Problem.of(429, "rate-limited", "Too many requests", detail, List.of());
    }
}
