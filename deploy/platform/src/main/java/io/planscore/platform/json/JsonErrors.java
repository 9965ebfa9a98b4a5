package io.planscore.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.regex.Pattern;

/**
 * What Jackson says went wrong, in words a client may read: its messages describe the input source (the server's
 * stream class) and the Java types it was mapping to, which an answer must not show.
 */
public final class JsonErrors {

    /** "[Source: (org.jboss...VertxInputStream); line: 1, column: 5]", inside a message ("start marker at ..."). */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private JsonErrors() {
    }

    /** The message without its source, its location or reference chain: "Unexpected end-of-input". */
    public static String message(JsonProcessingException e) {
        return withoutSource(e.getOriginalMessage());
    }

    /** The message and where: "Unexpected end-of-input at line 3, column 1". */
    public static String messageAndLocation(JsonProcessingException e) {
        return message(e) + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr());
    }

    static String withoutSource(String message) {
        return message == null ? "unreadable" : SOURCE.matcher(message).replaceAll("line $1, column $2");
    }
}
