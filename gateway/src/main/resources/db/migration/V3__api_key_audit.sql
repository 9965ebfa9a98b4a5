-- Agency ids are canonical (lower-case) UUIDs everywhere: a key stored under an upper-case spelling acts
-- for its agency again and is listed under it.
UPDATE api_key SET agency_id = lower(agency_id)
 WHERE agency_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
CREATE INDEX api_key_agency ON api_key (agency_id, created_at);

-- Who issued and who revoked which key, when. Only appended to.
CREATE TABLE api_key_audit (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ NOT NULL,
    actor     TEXT        NOT NULL,
    action    TEXT        NOT NULL CHECK (action IN ('issued', 'revoked')),
    key_id    UUID        NOT NULL REFERENCES api_key (id),
    key_name  TEXT        NOT NULL,
    role      TEXT        NOT NULL,
    agency_id TEXT
);
CREATE INDEX api_key_audit_key ON api_key_audit (key_id, id);
CREATE INDEX api_key_audit_agency ON api_key_audit (agency_id, id);

-- The keys of before: their issue as the key recorded it; who revoked one was not recorded.
INSERT INTO api_key_audit (at, actor, action, key_id, key_name, role, agency_id)
SELECT created_at, created_by, 'issued', id, name, role, agency_id FROM api_key ORDER BY created_at;
INSERT INTO api_key_audit (at, actor, action, key_id, key_name, role, agency_id)
SELECT revoked_at, 'unrecorded', 'revoked', id, name, role, agency_id FROM api_key WHERE revoked_at IS NOT NULL ORDER BY revoked_at;
