package io.planscore.scoring.events;

import io.opentelemetry.context.Context;

import java.util.UUID;

/**
 * An event delivered for the first time: its payload, its envelope's id (the inbox key, and the trigger), and the
 * trace context its record carried (the root context if none), which the scores it triggers continue.
 */
public record Delivered<T>(T event, UUID eventId, Context trace) {
}
