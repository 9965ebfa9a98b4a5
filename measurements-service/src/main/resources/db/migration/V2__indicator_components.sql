-- An indicator accepts more components than its formula operands: the parts of a compound target and the
-- components its scoring rule reads (IndicatorComponents in the platform). Requirement ids and stage names are
-- free text, so the names are kept as an array rather than a comma-separated list.
--
-- Rows derived before this change lack the new names. The read model is dropped instead of patched: PlanSource
-- rebuilds each plan from plans-service (the approved version in force) at the next event that names it.
DELETE FROM plan_version_model;

ALTER TABLE plan_indicator_model DROP COLUMN operands;
ALTER TABLE plan_indicator_model ADD COLUMN components TEXT[] NOT NULL;
