-- SMS 2-step verification. `phone` is the user's number; `phone_verified_at` says when a
-- code sent to it was entered. `two_factor_method` is NULL (off) or 'sms'.
ALTER TABLE users ADD COLUMN phone_verified_at BIGINT;
ALTER TABLE users ADD COLUMN two_factor_method TEXT;

-- A code sent by SMS: only its HMAC is kept, bound to user, purpose and phone.
CREATE TABLE sms_challenges (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    phone TEXT NOT NULL,
    code_mac TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    consumed_at BIGINT
);
CREATE INDEX sms_challenges_user_purpose ON sms_challenges (user_id, purpose, id);

-- Every accepted send, for the cooldown and the per-user, per-phone and per-IP limits.
CREATE TABLE sms_sends (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL,
    purpose TEXT NOT NULL,
    phone TEXT NOT NULL,
    ip TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX sms_sends_user_at ON sms_sends (user_id, at);
CREATE INDEX sms_sends_phone_at ON sms_sends (phone, at);
CREATE INDEX sms_sends_ip_at ON sms_sends (ip, at);
