-- The 2-step verification method has one stored spelling per method ('sms', 'app':
-- FactorMethod::as_str), and the database refuses any other, so a query or a test that
-- spells it differently fails at once instead of agreeing with itself (issue 21). A row
-- written by hand in the spelling the control center once looked for is an app user; any
-- other unknown value stops this migration, for the operator to decide.
--
-- SQLite adds no CHECK to an existing table, and rebuilding `users` would mean turning
-- foreign keys off around the many tables that refer to it: two triggers refuse the
-- same writes the PostgreSQL constraint refuses.
UPDATE users SET two_factor_method = 'app' WHERE two_factor_method = 'authenticator';

CREATE TRIGGER users_two_factor_method_known_insert
BEFORE INSERT ON users
WHEN NEW.two_factor_method IS NOT NULL AND NEW.two_factor_method NOT IN ('sms', 'app')
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: users_two_factor_method_known');
END;

CREATE TRIGGER users_two_factor_method_known_update
BEFORE UPDATE OF two_factor_method ON users
WHEN NEW.two_factor_method IS NOT NULL AND NEW.two_factor_method NOT IN ('sms', 'app')
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: users_two_factor_method_known');
END;

-- Rows stored before: rewriting any left with an unknown value fires the check above,
-- and the migration stops, as the constraint's would on PostgreSQL.
UPDATE users SET two_factor_method = two_factor_method
WHERE two_factor_method IS NOT NULL AND two_factor_method NOT IN ('sms', 'app');
