-- The users list's "Disabled accounts only" reads the disabled few in id order, as
-- "Administrators only" reads users_admins.
CREATE INDEX users_disabled ON users (id) WHERE disabled = 1;
