-- The highest input seq a scorecard version incorporates (V4; written by ScorecardWriter). A rebuild compares its
-- recomputation as of a seq S with the newest version whose inputs_through is below the plan's first input after S.
-- Versions written before V4: the newest of each plan-year incorporates every input of its plan stored so far; what
-- older ones incorporated is unknown (null), and no rebuild needs it.
ALTER TABLE scorecard ADD COLUMN IF NOT EXISTS inputs_through BIGINT;
UPDATE scorecard s SET inputs_through = greatest(
        (SELECT max(input_seq) FROM plan_version WHERE plan_id = s.plan_id),
        (SELECT max(input_seq) FROM measurement WHERE plan_id = s.plan_id),
        (SELECT max(input_seq) FROM admin_input WHERE plan_id = s.plan_id),
        (SELECT max(input_seq) FROM peer_input WHERE plan_id = s.plan_id))
WHERE s.inputs_through IS NULL
  AND s.score_version = (SELECT max(l.score_version) FROM scorecard l WHERE l.plan_id = s.plan_id AND l.year = s.year);

-- A version's summary, stored when it is written, so that listing a plan-year's history never reads bodies.
ALTER TABLE scorecard
    ADD COLUMN total_score           NUMERIC,
    ADD COLUMN max_score             NUMERIC,
    ADD COLUMN coverage              NUMERIC,
    ADD COLUMN indicators_with_target INT,
    ADD COLUMN indicators_scored     INT,
    ADD COLUMN status_met            INT,
    ADD COLUMN status_at_risk        INT,
    ADD COLUMN status_off_track      INT,
    ADD COLUMN status_pending        INT,
    ADD COLUMN status_not_scored     INT;
UPDATE scorecard SET
    total_score            = (body::jsonb ->> 'totalScore')::numeric,
    max_score              = (body::jsonb ->> 'maxScore')::numeric,
    coverage               = (body::jsonb -> 'coverage' ->> 'share')::numeric,
    indicators_with_target = (body::jsonb -> 'coverage' ->> 'withTarget')::int,
    indicators_scored      = (body::jsonb -> 'coverage' ->> 'scored')::int,
    status_met             = (body::jsonb -> 'statusCounts' ->> 'met')::int,
    status_at_risk         = (body::jsonb -> 'statusCounts' ->> 'atRisk')::int,
    status_off_track       = (body::jsonb -> 'statusCounts' ->> 'offTrack')::int,
    status_pending         = (body::jsonb -> 'statusCounts' ->> 'pending')::int,
    status_not_scored      = (body::jsonb -> 'statusCounts' ->> 'notScored')::int;

-- A rebuild reads each plan's inputs up to a seq, and which measurement superseded which.
CREATE INDEX IF NOT EXISTS measurement_plan_seq ON measurement (plan_id, input_seq);
CREATE INDEX IF NOT EXISTS measurement_supersedes ON measurement (supersedes) WHERE supersedes IS NOT NULL;

-- Rebuild jobs (POST /api/v1/scores/rebuild). At most one is queued or running at a time.
CREATE TABLE rebuild_job (
    id                   UUID PRIMARY KEY,
    state                TEXT        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED')),
    requested_at         TIMESTAMPTZ NOT NULL,
    started_at           TIMESTAMPTZ,
    finished_at          TIMESTAMPTZ,
    snapshot_seq         BIGINT,
    plans_total          INT         NOT NULL DEFAULT 0,
    plans_done           INT         NOT NULL DEFAULT 0,
    inputs_replayed      BIGINT      NOT NULL DEFAULT 0,
    plan_years           INT         NOT NULL DEFAULT 0,
    differing_plan_years JSONB       NOT NULL DEFAULT '[]',
    versions_appended    INT         NOT NULL DEFAULT 0,
    error                TEXT
);
CREATE UNIQUE INDEX rebuild_job_one_active ON rebuild_job ((true)) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX rebuild_job_requested ON rebuild_job (requested_at);
