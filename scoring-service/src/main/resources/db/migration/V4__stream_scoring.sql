-- Scoring at stream speed (docs/scoring.md "Provenance", docs/events.md "Consumption").

-- The arrival seq of the event that superseded a measurement (a correction or retraction), beside superseded_by:
-- "the events that counted as of input seq S" is input_seq <= S AND (superseded_seq IS NULL OR superseded_seq > S).
ALTER TABLE measurement ADD COLUMN superseded_seq BIGINT;
UPDATE measurement m SET superseded_seq = s.input_seq FROM measurement s WHERE s.event_id = m.superseded_by;

-- A plan's events in arrival order: what counted as of a seq, and the seq a scorecard version incorporates.
DROP INDEX measurement_plan;
CREATE INDEX measurement_plan_seq ON measurement (plan_id, input_seq);

-- The highest input_seq of the plan a scorecard version incorporates: its explanation recomputes it from the
-- plan's inputs up to that seq. Older versions keep their input event ids in their bodies.
ALTER TABLE scorecard ADD COLUMN inputs_through BIGINT;

-- What a recomputation reads of a plan's measurements, so that it reads in proportion to the plan's indicators and
-- periods, not to its history: per indicator, component ('' for the indicator's own value) and period, the
-- aggregate of the live events (not superseded, not retractions). Maintained in the transaction that stores the
-- events (LiveValueRepository.refresh), and equal to engine/measure/LiveValue.of of those events (less their ids):
-- max is the first greatest value in (recorded_at, event_id) order, last the final one.
CREATE TABLE live_value (
    plan_id          TEXT        NOT NULL,
    indicator_id     TEXT        NOT NULL,
    component        TEXT        NOT NULL,
    period           TEXT        NOT NULL,
    event_count      INT         NOT NULL,
    sum              NUMERIC,
    max_value        NUMERIC,
    max_event_id     UUID        NOT NULL,
    max_recorded_at  TIMESTAMPTZ NOT NULL,
    last_value       NUMERIC,
    last_event_id    UUID        NOT NULL,
    last_recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (plan_id, indicator_id, component, period)
);
-- The events of one cell, to aggregate it again when an event arrives or is superseded.
CREATE INDEX measurement_cell ON measurement (plan_id, indicator_id, period);

INSERT INTO live_value
SELECT plan_id, indicator_id, coalesce(component, ''), period, count(*), sum(value),
       (array_agg(value ORDER BY value DESC NULLS LAST, recorded_at, event_id))[1],
       (array_agg(event_id ORDER BY value DESC NULLS LAST, recorded_at, event_id))[1],
       (array_agg(recorded_at ORDER BY value DESC NULLS LAST, recorded_at, event_id))[1],
       (array_agg(value ORDER BY recorded_at DESC, event_id DESC))[1],
       (array_agg(event_id ORDER BY recorded_at DESC, event_id DESC))[1],
       max(recorded_at)
FROM measurement WHERE superseded_by IS NULL AND kind <> 'retraction'
GROUP BY plan_id, indicator_id, coalesce(component, ''), period;
