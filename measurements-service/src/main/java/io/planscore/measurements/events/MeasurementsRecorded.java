package io.planscore.measurements.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Payload of {@code MeasurementsRecorded} on {@code measurements.recorded.v1}: the measurements one transaction
 * accepted for one plan, in the order they were accepted. One record carries many measurements because a record per
 * measurement cost more than the measurement itself (an outbox row written, read and deleted, a broker append, an
 * inbox row in scoring); the measurements keep their own {@code eventId}s, and the envelope's is the batch's.
 */
@JsonPropertyOrder({"planId", "measurements"})
public record MeasurementsRecorded(String planId, List<MeasurementRecorded> measurements) {

    public static final String TYPE = "MeasurementsRecorded";

    /**
     * A record stays well under what the broker accepts (the outbox refuses more than 900 KB), whatever the events'
     * free text: each measurement counts with the worst case of its text, six bytes a character ({@code \\u0001}).
     */
    static final int MAX_ESTIMATED_BYTES = 256 * 1024;
    static final int MAX_MEASUREMENTS = 500;

    /** The measurements of one plan, cut into records of at most {@link #MAX_MEASUREMENTS} and about 256 KB. */
    public static List<MeasurementsRecorded> of(String planId, List<MeasurementRecorded> measurements) {
        List<MeasurementsRecorded> records = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < measurements.size(); i++) {
            long size = estimatedBytes(measurements.get(i));
            if (i > from && (i - from == MAX_MEASUREMENTS || bytes + size > MAX_ESTIMATED_BYTES)) {
                records.add(new MeasurementsRecorded(planId, List.copyOf(measurements.subList(from, i))));
                from = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (from < measurements.size()) {
            records.add(new MeasurementsRecorded(planId, List.copyOf(measurements.subList(from, measurements.size()))));
        }
        return records;
    }

    private static long estimatedBytes(MeasurementRecorded m) {
        return 640 + 6L * (length(m.indicatorId()) + length(m.component()) + length(m.period()) + length(m.unit())
                + length(m.submittedBy()) + length(m.note()) + length(m.evidenceUrl()));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
