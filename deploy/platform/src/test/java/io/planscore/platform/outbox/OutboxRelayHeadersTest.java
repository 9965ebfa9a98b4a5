package io.planscore.platform.outbox;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers the relay sends with an outbox row: its identity, and the trace context it was written in. */
class OutboxRelayHeadersTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aRowWrittenInATraceIsSentWithItsTraceparentAndTracestateAsStored() {
        byte[] traceparent = TRACEPARENT.getBytes(StandardCharsets.UTF_8);
        byte[] tracestate = "vendor=opaque".getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = OutboxRelay.headers(row(traceparent, tracestate));

        assertThat(names(headers)).containsExactly("eventId", "eventType", "traceparent", "tracestate");
        // the bytes PostgreSQL sent, not a copy
        assertThat(headers.lastHeader("traceparent").value()).isSameAs(traceparent);
        assertThat(headers.lastHeader("tracestate").value()).isSameAs(tracestate);
    }

    @Test
    void aRowWrittenOutsideAnyTraceHasNoTraceHeaders() {
        assertThat(names(OutboxRelay.headers(row(null, null)))).containsExactly("eventId", "eventType");
    }

    private static OutboxRelay.Waiting row(byte[] traceparent, byte[] tracestate) {
        return new OutboxRelay.Waiting(1, UUID.randomUUID().toString(), "measurements.recorded.v1", "plan-1",
                "MeasurementRecorded", "{}".getBytes(StandardCharsets.UTF_8), traceparent, tracestate);
    }

    private static String[] names(RecordHeaders headers) {
        return Arrays.stream(headers.toArray()).map(Header::key).toArray(String[]::new);
    }
}
