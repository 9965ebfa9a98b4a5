package io.planscore.measurements.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A measurement period: a year ({@code 2019}), a half ({@code 2019-H1}), a quarter ({@code 2019-Q3})
 * or a month ({@code 2019-07}). Years are AD. {@link #text()} is the normalised form (upper-case H/Q).
 */
public record Period(String text, int year) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?");

    public static Optional<Period> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = raw.trim().toUpperCase(Locale.ROOT);
        Matcher matcher = FORMAT.matcher(candidate);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1900 || year > 2999) {
            return Optional.empty();
        }
        return Optional.of(new Period(candidate, year));
    }
}
