-- Platform security settings: one row, read by every instance (cached a few seconds).
CREATE TABLE platform_settings (
    id BIGINT PRIMARY KEY,
    trusted_device_days BIGINT,
    users_choose_session_duration BIGINT NOT NULL,
    max_session_secs BIGINT NOT NULL,
    inactivity_timeout_secs BIGINT,
    updated_at BIGINT NOT NULL
);
-- Trusted devices expire after 30 days (NULL: until removed); users may choose how long to
-- stay signed in, up to 60 days; no inactivity timeout.
INSERT INTO platform_settings (id, trusted_device_days, users_choose_session_duration, max_session_secs, inactivity_timeout_secs, updated_at)
VALUES (1, 30, 1, 5184000, NULL, 0);

-- How long the user chose to stay signed in; NULL: until the browser closes.
ALTER TABLE users ADD COLUMN session_duration_secs BIGINT;

-- What the active-sessions list shows, copied out of the session state.
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN signed_in_at BIGINT;
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT;
ALTER TABLE sessions ADD COLUMN ip TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;

-- Browsers a user chose to trust: only the SHA-256 of the cookie's token is stored.
CREATE TABLE trusted_devices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    user_agent TEXT,
    ip TEXT,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at BIGINT
);
CREATE INDEX trusted_devices_user ON trusted_devices (user_id);
