-- Data rooms (PRODUCT.md, "Policy", rule 4): a room, its administrators, its own user
-- groups and their members, and the room's "Two-factor phone number" per member.

-- app_url: the address of the room's own application, guarded through forward auth.
CREATE TABLE rooms (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    app_url TEXT,
    enforced BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE room_admins (
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_admins_user ON room_admins (user_id);

CREATE TABLE room_groups (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (room_id, name_key)
);

CREATE TABLE room_members (
    group_id BIGINT NOT NULL REFERENCES room_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX room_members_user ON room_members (user_id);

-- The number a room's codes go to for a member, in E.164: separate from the member's own
-- phone number. No row: no code is asked of the member in this room.
CREATE TABLE room_phones (
    room_id BIGINT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    phone TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

-- An invitation into a room group for an address with no account: a one-time link (only
-- its digest kept) that creates the account and joins the group.
CREATE TABLE room_invitations (
    token_hash TEXT PRIMARY KEY,
    group_id BIGINT NOT NULL REFERENCES room_groups (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
