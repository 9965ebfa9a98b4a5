-- The W3C trace context each outbox event was written in, sent by the relay as the record's traceparent and
-- tracestate headers. Repeatable and idempotent rather than versioned: the platform's migrations share one history
-- with each service's own, and a new V0_x here would sit below versions a service's database has already applied.
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS traceparent TEXT;
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS tracestate TEXT;
