-- The control center: platform-level user groups with their 2-step verification rule,
-- the platform settings it adds, and what the users list searches by.

-- two_step: 'allowed' (default), 'not_available' or 'required'; grace_days applies to
-- 'required' (NULL or 0: none).
CREATE TABLE user_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    two_step TEXT NOT NULL DEFAULT 'allowed',
    grace_days BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- required_since: when the group's requirement first applied to this member (joining a
-- required group, or the group becoming required); a grace period counts from it, so it
-- does not restart at every sign-in. NULL while the group does not require.
CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    required_since BIGINT,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

-- The reminder dialog (off by default) and self-service registration (on by default).
ALTER TABLE platform_settings ADD COLUMN reminder BIGINT NOT NULL DEFAULT 0;
ALTER TABLE platform_settings ADD COLUMN open_registration BIGINT NOT NULL DEFAULT 1;

-- The users list searches by email prefix (the unique index), name prefix, and phone.
CREATE INDEX users_name_key ON users (lower(name), id);
CREATE INDEX users_phone ON users (phone);

-- The audit log lists newest first by (at, id), whole or by kind, by user (as actor or
-- subject) and by period: an index in that order for each.
CREATE INDEX audit_events_at_id ON audit_events (at, id);
CREATE INDEX audit_events_event ON audit_events (event, at, id);
CREATE INDEX audit_events_actor ON audit_events (actor_user_id, at, id);
CREATE INDEX audit_events_subject_at_id ON audit_events (subject_user_id, at, id);

-- "SMS sent today" on the overview.
CREATE INDEX sms_sends_at ON sms_sends (at);

-- One-time "set your password" links an administrator hands to a user they added: only
-- the SHA-256 of the token is kept; a link is gone once used or when a newer one is made.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX password_links_user ON password_links (user_id);
