-- Accounts made with a phone number (PRODUCT.md rule 6). Such an account is usable by
-- phone at once; the address typed at registration waits here until the emailed link
-- confirms it, and only then becomes the account's email. Until then `email` holds a
-- placeholder under the reserved `.invalid` domain (RFC 2606), so registration never
-- needs to know whether the typed address belongs to someone else.
ALTER TABLE users ADD COLUMN pending_email TEXT;
-- Phone sign-in finds an account by its verified number.
CREATE INDEX users_verified_phone ON users (phone) WHERE phone_verified_at IS NOT NULL;
