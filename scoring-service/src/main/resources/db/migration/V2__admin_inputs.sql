-- Scoring inputs entered by an administrator (SCORING.md §1, §3, §6): a verdict on a text target,
-- a discretionary award, an externally supplied target, or a baseline value of an earlier year.
-- They take their place in the same arrival order as plan versions and measurements.
CREATE TABLE admin_input (
    id           UUID PRIMARY KEY,
    plan_id      TEXT        NOT NULL,
    indicator_id TEXT        NOT NULL,
    year         INT         NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('verdict', 'award', 'external_target', 'baseline_value')),
    value        NUMERIC     NOT NULL,
    note         TEXT,
    entered_by   TEXT        NOT NULL,
    entered_at   TIMESTAMPTZ NOT NULL,
    input_seq    BIGINT      NOT NULL DEFAULT nextval('scoring_input_seq')
);
CREATE INDEX admin_input_plan ON admin_input (plan_id, input_seq);
