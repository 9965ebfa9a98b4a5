package io.planscore.engine.measure;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A measurement period inside one calendar year: {@code 2019}, {@code 2019-H1}, {@code 2019-Q3}, {@code 2019-07}. */
public record Period(int year, int firstMonth, int lastMonth) {

    /** Orders periods by their end, the order that decides {@code last} (§2.2). */
    public static final Comparator<Period> BY_END =
            Comparator.comparingInt(Period::year).thenComparingInt(Period::lastMonth);

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?");

    public static Period parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Unrecognised period '" + text + "': expected 2019, 2019-H1, 2019-Q3 or 2019-07");
        }
        int year = Integer.parseInt(m.group(1));
        String part = m.group(2);
        if (part == null) {
            return new Period(year, 1, 12);
        }
        int n = Integer.parseInt(part.substring(part.charAt(0) == 'H' || part.charAt(0) == 'Q' ? 1 : 0));
        return switch (part.charAt(0)) {
            case 'H' -> new Period(year, n * 6 - 5, n * 6);
            case 'Q' -> new Period(year, n * 3 - 2, n * 3);
            default -> new Period(year, n, n);
        };
    }
}
