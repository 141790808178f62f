-- API keys for /api/v1 (issue 27). A key reads twostep_<key_id>_<secret>: key_id finds it
-- (random, stored in clear), the secret is stored only as its SHA-256 (hex). Names are
-- unique among all keys, revoked ones too: the audit log names a key's actions by it.
-- scopes: the scopes' names in a fixed order, one space apart (domain/api_keys.rs); the
-- CHECK removes each known name once and must be left with nothing (a name twice leaves
-- one). rate_window (the minute, Unix time / 60) and rate_count count the key's requests in
-- one statement.
CREATE TABLE api_keys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key_id TEXT NOT NULL UNIQUE,
    secret_digest TEXT NOT NULL,
    name TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL CHECK (scopes <> '' AND scopes = trim(scopes) AND scopes NOT LIKE '%  %'
        AND trim(replace(replace(replace(replace(replace(
        ' ' || scopes || ' ', ' users:read ', ' '), ' users:write ', ' '), ' groups:write ', ' '),
        ' rooms:write ', ' '), ' audit:read ', ' ')) = ''),
    created_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    expires_at BIGINT,
    last_used_at BIGINT,
    revoked_at BIGINT,
    rate_window BIGINT NOT NULL DEFAULT 0,
    rate_count BIGINT NOT NULL DEFAULT 0
);

-- The key that made a change through the API, when a key did (actor_user_id is then NULL).
ALTER TABLE audit_events ADD COLUMN actor_api_key_id BIGINT REFERENCES api_keys (id);
