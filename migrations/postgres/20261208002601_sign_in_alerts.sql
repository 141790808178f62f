-- Sign-in alerts (issue 25).
--
-- "Email users when they sign in from a new device", on by default.
ALTER TABLE platform_settings ADD COLUMN new_device_alerts BIGINT NOT NULL DEFAULT 1;

-- The browsers each account has signed in from, by the SHA-256 of a long-lived random
-- cookie of the browser's own (not the trusted-device cookie: it skips nothing). No
-- fingerprint: a browser that clears its cookies is a new browser.
CREATE TABLE known_browsers (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    browser_digest TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    PRIMARY KEY (user_id, browser_digest)
);

-- "This wasn't me" links, by the SHA-256 of their token: one an alert, 7 days; using one
-- removes every one of the account's.
CREATE TABLE secure_account_links (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX secure_account_links_user ON secure_account_links (user_id);

-- Right passwords whose second step is still owed: the sign-in's session holds the token
-- whose SHA-256 is `attempt`, and completing the step removes the row. A background sweep
-- takes the rows 15 minutes old, or whose account met 5 wrong codes since, and emails
-- "Your password was used, but the sign-in was not completed", at most once an hour an
-- account (users.unfinished_alerted_at).
CREATE TABLE unfinished_sign_ins (
    attempt TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at BIGINT NOT NULL,
    ip TEXT,
    user_agent TEXT
);
CREATE INDEX unfinished_sign_ins_started ON unfinished_sign_ins (started_at);
ALTER TABLE users ADD COLUMN unfinished_alerted_at BIGINT;
