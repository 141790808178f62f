-- Delivering the outbox: every instance runs a sender that claims due emails for a lease,
-- sends them, and marks them sent; a failure is retried later with backoff, and given up
-- after three days. A claim left by a killed process is taken over once its lease ends.
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN failed_at BIGINT;
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND failed_at IS NULL;
-- An email that carries a secret (a one-time link) keeps it sealed (AEAD under the secret
-- key) until it is sent, and not at all afterwards; `body` then says what it was.
ALTER TABLE outbox ADD COLUMN sealed_body TEXT;
-- The HTML part, when the email has one (sent with the text as multipart/alternative).
ALTER TABLE outbox ADD COLUMN html_body TEXT;
