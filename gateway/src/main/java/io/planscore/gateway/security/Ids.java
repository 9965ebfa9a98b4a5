package io.planscore.gateway.security;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Agency and plan ids are UUIDs, which the services store and compare in their canonical lower-case
 * form. RFC 9562 UUIDs are case-insensitive on input, so an id given in upper or mixed case is the same
 * id: the gateway canonicalises it before anything compares, stores or forwards it.
 */
public final class Ids {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** {@code id} lower-cased when it is a UUID; anything else unchanged (the service answers for it). */
    public static String canonical(String id) {
        return id != null && UUID.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
    }
}
