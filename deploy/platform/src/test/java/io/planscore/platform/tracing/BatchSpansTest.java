package io.planscore.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The span of work caused by many records: in the last record's trace, linked to the others. */
class BatchSpansTest {

    private final Tracer tracer = SdkTracerProvider.builder().build().get("test");

    @Test
    void theBatchContinuesTheLastRecordsTraceAndLinksTheOthersOnce() {
        List<ConsumerRecord<String, String>> records = List.of(record(trace(1), "0000000000000001"),
                record(null, null), record(trace(2), "0000000000000002"), record(trace(2), "0000000000000003"),
                record(trace(3), "0000000000000004"));

        SpanData span = ((ReadableSpan) BatchSpans.start(tracer, "apply", records)).toSpanData();

        assertThat(span.getTraceId()).isEqualTo(trace(3));
        assertThat(span.getParentSpanId()).isEqualTo("0000000000000004");
        assertThat(span.getLinks()).extracting(link -> link.getSpanContext().getTraceId())
                .containsExactly(trace(2), trace(1));
    }

    @Test
    void manyTracesAreLinkedUpToALimit() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            records.add(record(trace(i), "0000000000000001"));
        }
        List<LinkData> links = ((ReadableSpan) BatchSpans.start(tracer, "apply", records)).toSpanData().getLinks();
        assertThat(links).hasSize(BatchSpans.MAX_LINKS);
    }

    @Test
    void theWorkRunsInTheSpanAndWhatItCausesInTheRecordsTraceContinuesIt() {
        ConsumerRecord<String, String> record = record(trace(7), "0000000000000007");
        AtomicReference<Span> current = new AtomicReference<>();
        AtomicReference<Context> continued = new AtomicReference<>();
        BatchSpans.run(tracer, "apply", List.of(record), () -> {
            current.set(Span.current());
            continued.set(TraceContext.continuedBy(record.headers()));
        });
        assertThat(current.get().getSpanContext().getTraceId()).isEqualTo(trace(7));
        assertThat(Span.fromContext(continued.get())).isSameAs(current.get());
        // outside the batch's span, a record's work continues the record's own context
        assertThat(Span.fromContext(TraceContext.continuedBy(record.headers())).getSpanContext().getSpanId())
                .isEqualTo("0000000000000007");
    }

    private static String trace(int n) {
        return String.format("%032x", n);
    }

    private static ConsumerRecord<String, String> record(String traceId, String spanId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0, "plan", "{}");
        if (traceId != null) {
            record.headers().add("traceparent",
                    ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
