-- Where a "set your password" link was emailed, when that is not the account's own address:
-- a reset for an account made with a phone number goes to the address still waiting for
-- its link. Only such a link, used with a code to the account's verified number, confirms
-- that address (NULL: the link went to `users.email`).
ALTER TABLE password_links ADD COLUMN sent_to TEXT;
