-- A failed or throttled sign-in with an email address that names no account keeps that
-- address as a key (an HMAC under the secret key, never the address itself), so an
-- administrator who types the address into the audit log's filter finds the attempts.
ALTER TABLE audit_events ADD COLUMN address_key TEXT;
CREATE INDEX audit_events_address ON audit_events (address_key, at, id) WHERE address_key IS NOT NULL;
