package io.planscore.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The trace context an event is written in, and read back from its record's headers. */
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void theCurrentSpanBecomesATraceparent() {
        SpanContext span = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "opaque").build());
        try (Scope ignored = Context.root().with(Span.wrap(span)).makeCurrent()) {
            assertThat(TraceContext.current()).isEqualTo(
                    new TraceContext("00-" + TRACE_ID + "-" + SPAN_ID + "-01", "vendor=opaque"));
        }
    }

    @Test
    void outsideAnySpanThereIsNothingToCarry() {
        assertThat(TraceContext.current()).isNull();
    }

    @Test
    void aRecordsTraceparentIsTheParentOfTheWorkItCauses() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", ("00-" + TRACE_ID + "-" + SPAN_ID + "-01").getBytes(StandardCharsets.UTF_8));

        SpanContext parent = Span.fromContext(TraceContext.extract(headers)).getSpanContext();
        assertThat(parent.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(parent.getSpanId()).isEqualTo(SPAN_ID);
        assertThat(parent.isRemote()).isTrue();
    }

    @Test
    void aRecordWithoutOrWithAGarbledTraceparentStartsNoTrace() {
        assertThat(TraceContext.of(TraceContext.extract(new RecordHeaders()))).isNull();
        RecordHeaders garbled = new RecordHeaders();
        garbled.add("traceparent", "not-a-trace".getBytes(StandardCharsets.UTF_8));
        assertThat(TraceContext.of(TraceContext.extract(garbled))).isNull();
    }
}
