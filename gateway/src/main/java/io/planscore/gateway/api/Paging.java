package io.planscore.gateway.api;

import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;

/** {@code page} and {@code size} of the gateway's own listings, read strictly: 400 naming the parameter. */
final class Paging {

    /** Far beyond any listing, and page × size stays an int. */
    private static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    static int page(String text) {
        return parse("page", text, 0, 0, MAX_PAGE);
    }

    static int size(String text, int absent, int max) {
        return parse("size", text, absent, 1, max);
    }

    private static int parse(String name, String text, int absent, int min, int max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        String message = name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'";
        throw ProblemException.badRequest(message, new FieldError(name, "INVALID_FIELD", message));
    }
}
