package io.planscore.measurements.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.planscore.platform.problem.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What became of one submitted event. */
@JsonPropertyOrder({"eventId", "row", "status", "errors"})
@Schema(description = "What became of one submitted event")
public record EventResult(
        @Schema(description = "The event's eventId as given (or derived, for a CSV row without one); null when it had none")
        String eventId,
        @Schema(description = "CSV import only: the line of the file (the header is line 1)")
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
        @Schema(enumeration = {"accepted", "duplicate", "rejected"})
        String status,
        @Schema(description = "Why it was rejected: the field at fault, a stable code and a message; empty otherwise")
        List<FieldError> errors) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    /** Kafka only, never returned: a redelivered record that was processed before. */
    public static final String SKIPPED = "skipped";
}
