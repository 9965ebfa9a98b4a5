package io.planscore.scoring.events;

import java.util.UUID;

/** An event delivered for the first time: its payload, and its envelope's id (the inbox key, and the trigger). */
public record Delivered<T>(T event, UUID eventId) {
}
