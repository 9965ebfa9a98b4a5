package io.planscore.chaos.hostile;

import java.util.Map;

/**
 * One generated request.
 *
 * @param index      its number in the campaign: the seed and this number make it again
 * @param operation  the public operation it aims at, as "METHOD /template" (the results are counted by it)
 * @param pathAndQuery already percent-encoded, starting with /api/v1/
 * @param body       null for none
 * @param what       what is hostile about it, for the report
 */
public record HostileRequest(long index, String operation, String method, String pathAndQuery,
                             Map<String, String> headers, byte[] body, Credential credential, String what) {

    /** The gateway answers this with a stream that does not end: read its head only. */
    boolean isStream() {
        return operation.endsWith("/scores/stream");
    }

    String describe() {
        return "#" + index + " " + method + " " + abbreviate(pathAndQuery, 160) + " as " + credential + " (" + what
                + (body == null ? "" : ", body " + body.length + " bytes") + ")";
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
