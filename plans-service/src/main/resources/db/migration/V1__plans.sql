-- plans-service: agencies, plans, plan versions (the document verbatim) and the indicator index.

CREATE TABLE agency (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL,
    name_en     TEXT,
    parent_id   UUID        REFERENCES agency (id),
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT        NOT NULL
);
CREATE INDEX agency_name_idx ON agency (name);

CREATE TABLE plan (
    id              UUID        PRIMARY KEY,
    agency_id       UUID        NOT NULL REFERENCES agency (id),
    title           TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    roc_start       INTEGER,
    roc_end         INTEGER,
    ad_start        INTEGER,
    ad_end          INTEGER,
    fixture_id      TEXT,
    current_version INTEGER,
    latest_version  INTEGER     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_agency_idx ON plan (agency_id);
CREATE INDEX plan_years_idx ON plan (ad_start, ad_end);

CREATE TABLE plan_version (
    plan_id         UUID        NOT NULL REFERENCES plan (id),
    version         INTEGER     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('draft', 'approved', 'superseded')),
    -- the document as JSONB for queries, and as the exact text received (key order kept) for export
    document        JSONB       NOT NULL,
    document_text   TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL,
    approved_at     TIMESTAMPTZ,
    approved_by     TEXT,
    superseded_at   TIMESTAMPTZ,
    justification   TEXT,
    -- counted from the document (fixtures/INDEX.md conventions), so lists need not parse documents
    goal_count             INTEGER NOT NULL,
    common_goal_count      INTEGER NOT NULL,
    indicator_count        INTEGER NOT NULL,
    common_indicator_count INTEGER NOT NULL,
    target_count           INTEGER NOT NULL,
    facet_count            INTEGER NOT NULL,
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE indicator_index (
    plan_id              UUID    NOT NULL,
    version              INTEGER NOT NULL,
    indicator_id         TEXT    NOT NULL,
    lineage_id           UUID    NOT NULL,
    goal_id              TEXT    NOT NULL,
    kind                 TEXT,
    name                 TEXT    NOT NULL,
    name_en              TEXT,
    measurement_standard TEXT,
    unit                 TEXT,
    PRIMARY KEY (plan_id, version, indicator_id),
    FOREIGN KEY (plan_id, version) REFERENCES plan_version (plan_id, version)
);
CREATE INDEX indicator_index_lineage_idx ON indicator_index (lineage_id);
