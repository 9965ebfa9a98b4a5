package io.planscore.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A W3C trace context ({@code traceparent}, and {@code tracestate} if any) as it travels with an event: stored with
 * its outbox row, sent as the Kafka record's headers, read back by the consumer so the work the event causes joins
 * the trace of the request that caused the event. (An outbox row is relayed later, on another thread, so the
 * context cannot be taken from the relay's own span: it is captured when the event is written.)
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    /** The context of the span current on this thread; null outside any span (nothing to carry). */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The context's span as W3C headers; null if it has no valid span. */
    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * The context a Kafka record carries, as the parent of the work the record causes: the root context when the
     * record has no valid {@code traceparent} (an agency's own record, or one published before tracing existed).
     */
    public static Context extract(Headers headers) {
        return W3C.extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /**
     * The context that the work a record causes continues: the current span when it belongs to the record's trace
     * (the span {@link BatchSpans} made for the batch the record is processed in), else the record's own context.
     */
    public static Context continuedBy(Headers headers) {
        Context record = extract(headers);
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() && current.getTraceId().equals(Span.fromContext(record).getSpanContext().getTraceId())
                ? Context.current() : record;
    }
}
