package io.planscore.plans.service;

import io.planscore.platform.problem.FieldError;
import io.planscore.platform.problem.ProblemException;

/**
 * The {@code page} (0-based) and {@code size} query parameters of a list endpoint, checked before any
 * query runs: text that is not an integer, a negative page, a size outside 1..max, or a page so far out
 * that its first row would not fit the database driver's row offset is a 400 problem+json naming the
 * parameter, never a 500.
 */
public record PageRequest(int page, int size) {

    /** Row offsets are ints in JDBC/Hibernate: a page whose first row lies beyond this is refused. */
    static final long MAX_OFFSET = Integer.MAX_VALUE;

    public static PageRequest of(String pageText, String sizeText, int defaultSize, int maxSize) {
        int page = integer("page", pageText, 0);
        int size = integer("size", sizeText, defaultSize);
        if (page < 0) {
            throw bad("page", "page must be 0 or more (pages count from 0)");
        }
        if (size < 1 || size > maxSize) {
            throw bad("size", "size must be between 1 and " + maxSize);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw bad("page", "page " + page + " of size " + size + " starts beyond the last row a list can reach ("
                    + MAX_OFFSET + ")");
        }
        return new PageRequest(page, size);
    }

    public long offset() {
        return (long) page * size;
    }

    private static int integer(String name, String text, int absent) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw bad(name, name + " '" + text + "' is not an integer between 0 and " + Integer.MAX_VALUE);
        }
    }

    private static ProblemException bad(String field, String message) {
        return ProblemException.badRequest(message, new FieldError(field, "INVALID_FIELD", message));
    }
}
