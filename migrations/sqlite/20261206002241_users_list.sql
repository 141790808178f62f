-- The users list (issue 22): when each user last signed in, the email's domain for a search
-- by "@example.com", and name keys of single words.
--
-- When a session was last started for the user (any way of signing in); NULL: never. Users
-- stored before it get the time of their last sign-in event in the audit log.
ALTER TABLE users ADD COLUMN last_sign_in_at BIGINT;
UPDATE users SET last_sign_in_at = (SELECT MAX(a.at) FROM audit_events a
    WHERE a.subject_user_id = users.id
    AND a.event IN ('sign_in.succeeded', 'sign_in.trusted_device', 'sign_in.phone_succeeded'));
-- "@example.com": the email from its "@", kept by the database itself.
ALTER TABLE users ADD COLUMN email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@'))) VIRTUAL;
CREATE INDEX users_email_domain ON users (email_domain, id);
-- The name keys are now single words and the parts of hyphenated ones
-- (domain::account::name_search_keys): the portal writes them again after the migrations
-- (db::users::index_unindexed_names).
DELETE FROM user_name_words;
