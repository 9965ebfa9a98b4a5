-- Every input (plan version or measurement) gets its place in one arrival order: a rebuild replays
-- the inputs in exactly that order and must arrive at exactly the same scores.
CREATE SEQUENCE scoring_input_seq;

-- Approved plan versions, as published by plans-service: the scoring input "what was promised".
CREATE TABLE plan_version (
    plan_id     TEXT        NOT NULL,
    version     INT         NOT NULL,
    agency_id   TEXT,
    document    TEXT        NOT NULL,
    approved_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    event_id    UUID        NOT NULL UNIQUE,
    input_seq   BIGINT      NOT NULL DEFAULT nextval('scoring_input_seq'),
    PRIMARY KEY (plan_id, version)
);

-- Recorded measurement events, as published by measurements-service: the scoring input "what happened".
-- A correction or retraction marks the event it supersedes with superseded_by.
CREATE TABLE measurement (
    event_id      UUID PRIMARY KEY,
    plan_id       TEXT        NOT NULL,
    indicator_id  TEXT        NOT NULL,
    component     TEXT,
    period        TEXT        NOT NULL,
    year          INT         NOT NULL,
    value         NUMERIC,
    kind          TEXT        NOT NULL,
    supersedes    UUID,
    superseded_by UUID,
    recorded_at   TIMESTAMPTZ NOT NULL,
    input_seq     BIGINT      NOT NULL DEFAULT nextval('scoring_input_seq')
);
CREATE INDEX measurement_plan ON measurement (plan_id);

-- Every version of every scorecard is kept: history, asOf queries and provenance.
CREATE TABLE scorecard (
    plan_id          TEXT        NOT NULL,
    year             INT         NOT NULL,
    score_version    BIGINT      NOT NULL,
    plan_version     INT         NOT NULL,
    agency_id        TEXT,
    computed_at      TIMESTAMPTZ NOT NULL,
    trigger_event_id UUID        NOT NULL,
    trigger_type     TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    PRIMARY KEY (plan_id, year, score_version)
);
CREATE INDEX scorecard_as_of ON scorecard (plan_id, year, computed_at);
