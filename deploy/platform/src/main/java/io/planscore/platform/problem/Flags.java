package io.planscore.platform.problem;

/**
 * Boolean query parameters read strictly. JAX-RS reads anything but {@code true} as false, so
 * {@code ?draft=yes} would quietly mean "not a draft" (and approve a plan): here only {@code true} and
 * {@code false} are answers, anything else is 400 naming the parameter.
 */
public final class Flags {

    private Flags() {
    }

    /** {@code text} as a boolean; absent or empty is {@code absent}. */
    public static boolean parse(String name, String text, boolean absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                String message = name + " must be true or false, not '" + text + "'";
                throw ProblemException.badRequest(message, new FieldError(name, "INVALID_FIELD", message));
            }
        };
    }
}
