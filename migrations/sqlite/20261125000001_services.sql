-- Verification challenges and the sends that made them are keyed by a subject: a user
-- ("user:12"), a phone number with no account yet ("phone:+46701234567"), or a room
-- membership. A send is "risky" when it goes to a number the sender has not verified
-- (enrolment, a change, registration): those have their own, smaller cap per number, so
-- they never spend the sign-in codes of the number's owner.
-- Codes in flight at the upgrade are dropped (they are bound to the old key); people ask
-- for a new one.
DROP TABLE sms_challenges;
CREATE TABLE sms_challenges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    phone TEXT NOT NULL,
    code_mac TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    consumed_at BIGINT
);
CREATE INDEX sms_challenges_subject_purpose ON sms_challenges (subject, purpose, id);

CREATE TABLE sms_sends_keyed (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    purpose TEXT NOT NULL,
    phone TEXT NOT NULL,
    ip TEXT NOT NULL,
    risky BIGINT NOT NULL,
    at BIGINT NOT NULL
);
INSERT INTO sms_sends_keyed (subject, purpose, phone, ip, risky, at)
SELECT 'user:' || user_id, purpose, phone, ip, CASE WHEN purpose = 'sign_in' THEN 0 ELSE 1 END, at
FROM sms_sends;
DROP TABLE sms_sends;
ALTER TABLE sms_sends_keyed RENAME TO sms_sends;
CREATE INDEX sms_sends_subject_at ON sms_sends (subject, at);
CREATE INDEX sms_sends_phone_at ON sms_sends (phone, at);
CREATE INDEX sms_sends_ip_at ON sms_sends (ip, at);

-- One spelling of the factor method everywhere: 'sms' or 'app'.
UPDATE users SET two_factor_method = 'app' WHERE two_factor_method = 'totp';

-- Attempts counted against a limit: reserved before they are checked. Keys are keyed
-- HMACs, so what was typed (an email, or a password typed into the email box) is never
-- stored in clear.
DELETE FROM login_failures;

-- The rest of the platform settings. The app name and the SMS countries start NULL and
-- take the environment's value at the first start; then administrators change them.
ALTER TABLE platform_settings ADD COLUMN two_step TEXT NOT NULL DEFAULT 'optional';
ALTER TABLE platform_settings ADD COLUMN require_two_step_for_admins BIGINT NOT NULL DEFAULT 1;
ALTER TABLE platform_settings ADD COLUMN app_name TEXT;
ALTER TABLE platform_settings ADD COLUMN sms_allowed_countries TEXT;
