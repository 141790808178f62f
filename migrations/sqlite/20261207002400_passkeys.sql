-- Passkeys and security keys, a 2-step method beside text messages and the app (issue 24).
--
-- users.passkey_handle: the WebAuthn user handle, 16 random bytes (base64url), made when
-- the person adds a first passkey; never the email or a row number, so an authenticator
-- learns nothing of the account from it. A discoverable passkey returns it at sign-in.
ALTER TABLE users ADD COLUMN passkey_handle TEXT;
CREATE UNIQUE INDEX users_passkey_handle ON users (passkey_handle);

-- One row a credential. credential_id: base64url, unique across accounts (the same
-- authenticator credential cannot serve two people). credential: webauthn-rs's record of
-- it as JSON (public key, algorithm, counter, flags). sign_count, transports and the
-- backup flags are kept in columns of their own too, for the pages and the counter check.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    credential TEXT NOT NULL,
    sign_count BIGINT NOT NULL DEFAULT 0,
    transports TEXT NOT NULL DEFAULT '',
    backup_eligible BIGINT NOT NULL DEFAULT 0 CHECK (backup_eligible IN (0, 1)),
    backup_state BIGINT NOT NULL DEFAULT 0 CHECK (backup_state IN (0, 1)),
    created_at BIGINT NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- The challenges answered, by SHA-256, until they expire: a ceremony's state (with its
-- challenge and expiry) lives in the server-side session, and beginning one writes nothing
-- here. The one request that answers it claims the challenge by inserting its digest, so a
-- response sent twice, or by 100 requests at once, counts once.
CREATE TABLE passkey_challenges (
    digest TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX passkey_challenges_expiry ON passkey_challenges (expires_at);
