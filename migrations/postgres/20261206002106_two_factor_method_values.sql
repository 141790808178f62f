-- The 2-step verification method has one stored spelling per method ('sms', 'app':
-- FactorMethod::as_str), and the database refuses any other, so a query or a test that
-- spells it differently fails at once instead of agreeing with itself (issue 21). A row
-- written by hand in the spelling the control center once looked for is an app user; any
-- other unknown value stops this migration, for the operator to decide.
UPDATE users SET two_factor_method = 'app' WHERE two_factor_method = 'authenticator';
ALTER TABLE users ADD CONSTRAINT users_two_factor_method_known
    CHECK (two_factor_method IS NULL OR two_factor_method IN ('sms', 'app'));
