-- The method's stored spelling 'passkey' joins 'sms' and 'app' (issue 24), refused before
-- as every unknown spelling is (20261206002106_two_factor_method_values.sql).
DROP TRIGGER users_two_factor_method_known_insert;
DROP TRIGGER users_two_factor_method_known_update;

CREATE TRIGGER users_two_factor_method_known_insert
BEFORE INSERT ON users
WHEN NEW.two_factor_method IS NOT NULL AND NEW.two_factor_method NOT IN ('sms', 'app', 'passkey')
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: users_two_factor_method_known');
END;

CREATE TRIGGER users_two_factor_method_known_update
BEFORE UPDATE OF two_factor_method ON users
WHEN NEW.two_factor_method IS NOT NULL AND NEW.two_factor_method NOT IN ('sms', 'app', 'passkey')
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: users_two_factor_method_known');
END;
