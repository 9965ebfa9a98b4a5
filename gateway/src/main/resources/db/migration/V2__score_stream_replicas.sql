-- Every gateway replica reads the whole score topic and appends to this shared log, one append at a
-- time (an advisory lock), so ids grow in commit order and every replica streams the same ids in the
-- same order. Where each update was read: a starting replica resumes every partition after the last
-- logged offset instead of re-reading the topic.
ALTER TABLE score_update ADD COLUMN kafka_partition INT, ADD COLUMN kafka_offset BIGINT;
CREATE INDEX score_update_position ON score_update (kafka_partition, kafka_offset DESC);

-- Catch-up pages of a filtered stream, in id order (the latest per plan-year has its own table now).
DROP INDEX score_update_plan_year;
CREATE INDEX score_update_plan_id ON score_update (plan_id, id);
CREATE INDEX score_update_agency_id ON score_update (agency_id, id);

-- The latest update of every plan-year: a new subscriber's first pages, read in id order.
CREATE TABLE score_update_latest (
    plan_id   TEXT   NOT NULL,
    year      INT    NOT NULL,
    update_id BIGINT NOT NULL UNIQUE REFERENCES score_update (id),
    PRIMARY KEY (plan_id, year)
);
INSERT INTO score_update_latest (plan_id, year, update_id)
SELECT DISTINCT ON (plan_id, year) plan_id, year, id FROM score_update ORDER BY plan_id, year, id DESC;
