-- Temporary access codes (issue 25): an administrator's way back in for a person who lost
-- their phone and their recovery codes, without turning anything off. One a person (a new
-- one replaces the old), stored as HMAC-SHA256 under the secret key, never in clear. It
-- stands in for the second step until expires_at, once; five wrong tries end it.
CREATE TABLE temporary_codes (
    user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    code_mac TEXT NOT NULL,
    issued_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    wrong_tries BIGINT NOT NULL DEFAULT 0
);
