package io.planscore.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A span for work that many Kafka records cause together (one transaction for a poll or a plan's chunk): a child of
 * the last record's trace, linked to the other traces among the records. The connector already made one consumer
 * span per record (also in batch channels, but none of them is current while the batch is processed); this span
 * shows the processing itself in the trace it belongs to.
 */
public final class BatchSpans {

    /** Links beyond the first few add little to a trace view and cost memory for every span of a bulk import. */
    static final int MAX_LINKS = 32;

    private BatchSpans() {
    }

    /** Runs {@code work} in a span named {@code name} caused by {@code records} (in delivery order). */
    public static void run(Tracer tracer, String name, List<? extends ConsumerRecord<?, ?>> records, Runnable work) {
        Span span = start(tracer, name, records);
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException failure) {
            span.recordException(failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    static Span start(Tracer tracer, String name, List<? extends ConsumerRecord<?, ?>> records) {
        Context parent = records.isEmpty() ? Context.root()
                : TraceContext.extract(records.get(records.size() - 1).headers());
        SpanBuilder span = tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setParent(parent)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        Set<String> linked = new HashSet<>();
        linked.add(Span.fromContext(parent).getSpanContext().getTraceId());
        for (int i = records.size() - 2; i >= 0 && linked.size() <= MAX_LINKS; i--) {
            SpanContext cause = Span.fromContext(TraceContext.extract(records.get(i).headers())).getSpanContext();
            if (cause.isValid() && linked.add(cause.getTraceId())) {
                span.addLink(cause);
            }
        }
        return span.startSpan();
    }
}
