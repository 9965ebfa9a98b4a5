-- measurements-service: the read model of approved plan versions, recorded measurement events with
-- their correction chains, and every rejected submission.

-- The plan version in force, as far as validation needs it (from PlanVersionApproved).
CREATE TABLE plan_version_model (
    plan_id         TEXT        PRIMARY KEY,
    version         INTEGER     NOT NULL,
    agency_id       TEXT        NOT NULL,
    ad_start        INTEGER     NOT NULL,
    ad_end          INTEGER     NOT NULL,
    source_event_id UUID        NOT NULL,
    approved_at     TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE plan_indicator_model (
    plan_id             TEXT    NOT NULL REFERENCES plan_version_model (plan_id) ON DELETE CASCADE,
    indicator_id        TEXT    NOT NULL,
    unit                TEXT,
    scale               INTEGER,
    -- formula operand symbols (A, B, B1 ...), comma-separated; NULL when the indicator has no formula
    operands            TEXT,
    -- how many years before the plan's first year are accepted as baseline history
    baseline_years      INTEGER NOT NULL DEFAULT 0,
    non_negative        BOOLEAN NOT NULL,
    range_min           NUMERIC,
    range_max           NUMERIC,
    PRIMARY KEY (plan_id, indicator_id)
);

-- Accepted measurement events. event_id is the idempotency key of every way in (HTTP, CSV, Kafka).
CREATE TABLE measurement (
    event_id      UUID        PRIMARY KEY,
    plan_id       TEXT        NOT NULL,
    plan_version  INTEGER     NOT NULL,
    agency_id     TEXT        NOT NULL,
    indicator_id  TEXT        NOT NULL,
    component     TEXT,
    period        TEXT        NOT NULL,
    year          INTEGER     NOT NULL,
    value         NUMERIC,
    unit          TEXT,
    kind          TEXT        NOT NULL CHECK (kind IN ('actual', 'correction', 'retraction')),
    supersedes    UUID        REFERENCES measurement (event_id),
    superseded_by UUID        REFERENCES measurement (event_id),
    status        TEXT        NOT NULL CHECK (status IN ('active', 'superseded', 'retracted')),
    observed_at   TIMESTAMPTZ,
    note          TEXT,
    evidence_url  TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL,
    submitted_by  TEXT        NOT NULL,
    channel       TEXT        NOT NULL CHECK (channel IN ('http', 'csv', 'kafka')),
    -- SHA-256 of the canonical body: same eventId + same hash = duplicate, different hash = conflict
    body_hash     TEXT        NOT NULL,
    body          JSONB       NOT NULL
);

-- An event can be superseded (corrected or retracted) once: concurrent corrections cannot fork a chain.
CREATE UNIQUE INDEX measurement_supersedes_once ON measurement (supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX measurement_plan_indicator_year ON measurement (plan_id, indicator_id, year);
CREATE INDEX measurement_plan_year ON measurement (plan_id, year);

-- Every rejected submission, as received, with the reasons.
CREATE TABLE rejected_measurement (
    rejection_id UUID        PRIMARY KEY,
    event_id     UUID,
    plan_id      TEXT,
    body         JSONB       NOT NULL,
    errors       JSONB       NOT NULL,
    channel      TEXT        NOT NULL CHECK (channel IN ('http', 'csv', 'kafka')),
    received_at  TIMESTAMPTZ NOT NULL,
    principal    TEXT        NOT NULL
);

CREATE INDEX rejected_measurement_plan ON rejected_measurement (plan_id, received_at);
CREATE INDEX rejected_measurement_event ON rejected_measurement (event_id);
