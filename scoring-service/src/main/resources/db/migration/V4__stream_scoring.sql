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
