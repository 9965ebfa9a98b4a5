package io.planscore.platform.outbox;

/** Fired when an event is written to the outbox; observed once its transaction has committed. */
public record OutboxWritten() {
}
