-- The method's stored spelling 'passkey' joins 'sms' and 'app' (issue 24), refused before
-- as every unknown spelling is (20261206002106_two_factor_method_values.sql).
ALTER TABLE users DROP CONSTRAINT users_two_factor_method_known;
ALTER TABLE users ADD CONSTRAINT users_two_factor_method_known
    CHECK (two_factor_method IS NULL OR two_factor_method IN ('sms', 'app', 'passkey'));
