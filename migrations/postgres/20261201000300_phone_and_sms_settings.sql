-- Platform settings of PRODUCT.md rules 6 and 7 and of the defences against SMS pumping.
-- Phone sign-in is off by default; users edit their own profile by default. The limits
-- count texts to numbers no account has verified (the risky kind), per UTC day.
ALTER TABLE platform_settings ADD COLUMN phone_sign_in BIGINT NOT NULL DEFAULT 0;
ALTER TABLE platform_settings ADD COLUMN users_edit_profile BIGINT NOT NULL DEFAULT 1;
ALTER TABLE platform_settings ADD COLUMN sms_daily_budget BIGINT NOT NULL DEFAULT 1000;
ALTER TABLE platform_settings ADD COLUMN sms_risky_per_number BIGINT NOT NULL DEFAULT 5;
ALTER TABLE platform_settings ADD COLUMN sms_risky_per_address BIGINT NOT NULL DEFAULT 10;
ALTER TABLE platform_settings ADD COLUMN sms_risky_per_network BIGINT NOT NULL DEFAULT 20;
ALTER TABLE platform_settings ADD COLUMN sms_risky_per_country BIGINT NOT NULL DEFAULT 100;
