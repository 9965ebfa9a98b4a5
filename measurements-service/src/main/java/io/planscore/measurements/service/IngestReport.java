package io.planscore.measurements.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The answer to a submission: a result per event, in the order received, and the counts. */
@Schema(description = "A result per event, in the order received, and the counts")
public record IngestReport(List<EventResult> results, int accepted, int duplicates, int rejected) {

    public static IngestReport of(List<EventResult> results) {
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (EventResult result : results) {
            switch (result.status()) {
                case EventResult.ACCEPTED -> accepted++;
                case EventResult.DUPLICATE -> duplicates++;
                case EventResult.REJECTED -> rejected++;
                default -> {
                }
            }
        }
        return new IngestReport(results, accepted, duplicates, rejected);
    }
}
