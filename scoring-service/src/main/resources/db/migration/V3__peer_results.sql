-- rank_bonus (SCORING.md §6): a plan is ranked among the plans of its peer group on one indicator.

-- What each plan last told its group, per ranked indicator and year (null: not reported yet). Written
-- under the plan's lock, so a value is announced on scoring.peer-results.v1 only when it changed.
CREATE SEQUENCE peer_announcement_seq;
CREATE TABLE peer_announcement (
    plan_id      TEXT    NOT NULL,
    peer_group   TEXT    NOT NULL,
    indicator_id TEXT    NOT NULL,
    year         INT     NOT NULL,
    value        NUMERIC,
    seq          BIGINT  NOT NULL DEFAULT nextval('peer_announcement_seq'),
    PRIMARY KEY (plan_id, peer_group, indicator_id, year)
);

-- The members of each group and their latest announced value: written only by the consumer of
-- scoring.peer-results.v1, under the group's lock.
CREATE TABLE peer_member (
    peer_group   TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    year         INT  NOT NULL,
    plan_id      TEXT NOT NULL,
    value        NUMERIC,
    PRIMARY KEY (peer_group, indicator_id, year, plan_id)
);

-- What one plan learned of its peers' values: a scoring input of that plan, in the common arrival
-- order, so a rebuild replays exactly the peer values each live recomputation used.
CREATE TABLE peer_input (
    id           UUID PRIMARY KEY,
    plan_id      TEXT        NOT NULL,
    indicator_id TEXT        NOT NULL,
    year         INT         NOT NULL,
    results      JSONB       NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    input_seq    BIGINT      NOT NULL DEFAULT nextval('scoring_input_seq')
);
CREATE INDEX peer_input_plan ON peer_input (plan_id, input_seq);
