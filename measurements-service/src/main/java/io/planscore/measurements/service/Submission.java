package io.planscore.measurements.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * One event as it arrived, whatever the way in, with what reading it found.
 *
 * @param body      the event as a JSON object (a CSV row becomes one), or null when it is not an object
 * @param raw       the text received when {@code body} is null (for the rejection record)
 * @param parsed    the event read, or null when {@code body} is null
 * @param row       the CSV line number, else null
 * @param inboxKey  Kafka only: the record's identity, so a redelivered record is skipped
 * @param caller    Kafka only: the sender its topic stands for; null: the request's caller
 * @param malformed why the submission could not be read as an event (when {@code parsed} is null)
 */
public record Submission(JsonNode body, String raw, ParsedEvent parsed, Integer row, UUID inboxKey, Caller caller,
                         String malformed) {

    public static Submission of(JsonNode body, UUID derivedEventId, Integer row, UUID inboxKey, Caller caller) {
        if (body == null || !body.isObject()) {
            return new Submission(null, body == null ? null : body.toString(), null, row, inboxKey, caller,
                    "the event is not a JSON object with the fields of a measurement event");
        }
        return new Submission(body, null, EventParser.parse(body, derivedEventId), row, inboxKey, caller, null);
    }

    public static Submission malformed(String raw, String why, Integer row, UUID inboxKey, Caller caller) {
        return new Submission(null, raw, null, row, inboxKey, caller, why);
    }
}
