-- "Is there an administrator yet?" is asked at every start: a partial index answers it
-- without reading every user.
CREATE INDEX users_admins ON users (id) WHERE is_admin = 1;
