package io.planscore.platform.problem;

import io.planscore.platform.json.PlanscoreJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a service keeps must be storable and readable back: PostgreSQL text cannot hold U+0000, its
 * timestamps end in 294276 AD, and a number such as {@code 1e10000} is short to send but cannot be
 * written out as digits (nor read back within {@link PlanscoreJson#MAX_NUMBER_LENGTH}). Each check
 * looks at lengths, precision and scale only, before anything converts the value.
 */
public final class Bounds {

    /** The longest free text (a note, a justification, a document field) a service keeps. */
    public static final int MAX_TEXT = 10_000;

    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private Bounds() {
    }

    /** Adds an error when {@code text} holds U+0000 or is longer than {@code maxLength}. */
    public static void checkText(String field, String text, int maxLength, List<FieldError> errors) {
        if (text == null) {
            return;
        }
        if (text.indexOf('\0') >= 0) {
            errors.add(new FieldError(field, "NUL_CHARACTER", field + " contains U+0000, which text cannot hold."));
        } else if (text.length() > maxLength) {
            errors.add(new FieldError(field, "TOO_LONG", field + " is longer than " + maxLength + " characters."));
        }
    }

    /** Adds an error when {@code number} has more digits written out than a JSON body may carry. */
    public static void checkNumber(String field, BigDecimal number, List<FieldError> errors) {
        if (number != null && !fitsPlainDigits(number)) {
            errors.add(new FieldError(field, "NUMBER_OUT_OF_RANGE", field + " " + number + " has more than "
                    + PlanscoreJson.MAX_NUMBER_LENGTH + " digits written out."));
        }
    }

    /** Checked on precision and scale, before any digits are produced. */
    public static boolean fitsPlainDigits(BigDecimal number) {
        return number.precision() + Math.abs((long) number.scale()) + 2 <= PlanscoreJson.MAX_NUMBER_LENGTH;
    }

    /** Within the years 1..9999: PostgreSQL timestamps stop at 294276 AD, Java's Instant goes on to a billion. */
    public static boolean storable(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
    }
}
