-- Registration reveals nothing: /register always answers "Check your email", and an
-- account made there is usable only once its address is confirmed by the emailed link.
-- Accounts that exist before this change, and those made by the command line, the setup
-- link, an administrator or an invitation, count as confirmed.
ALTER TABLE users ADD COLUMN email_confirmed_at BIGINT;
UPDATE users SET email_confirmed_at = created_at;

-- One-time links that confirm an address: only the SHA-256 of the token is kept; a link is
-- gone once used or when a newer one is sent.
CREATE TABLE email_confirmations (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX email_confirmations_user ON email_confirmations (user_id);

-- Registrations wait here for the background worker, which creates the account and its
-- link, or tells an address that already has one: the request itself does the same work
-- (a password hash and this one insert) whatever the address, so its answer and its
-- timing say nothing. A row lives for a moment; password_hash is the argon2 hash.
CREATE TABLE registration_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    created_at BIGINT NOT NULL
);
