package io.planscore.scoring.events;

import io.opentelemetry.context.Context;

import java.util.UUID;

/**
 * An event delivered for the first time: its payload, its own id (the trigger of the scores it causes; the
 * envelope's, unless the envelope carried many events), and the trace context its record carried (the root context
 * if none), which the scores it triggers continue.
 */
public record Delivered<T>(T event, UUID eventId, Context trace) {
}
