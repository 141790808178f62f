-- Defences against SMS pumping: each send keeps the client's network (the /24 of an IPv4
-- address, the /48 of an IPv6 one) and the number's country calling code, so the daily
-- caps on texts to numbers no account has verified count them; and whether its code was
-- entered, for the conversion rate per country on the overview. Sends made before this
-- migration have neither (network '', calling code 0): they still count towards the
-- budget and the per-number and per-address caps.
ALTER TABLE sms_sends ADD COLUMN network TEXT NOT NULL DEFAULT '';
ALTER TABLE sms_sends ADD COLUMN calling_code BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sms_sends ADD COLUMN entered BIGINT NOT NULL DEFAULT 0;
-- The send a code came from, to mark it entered.
ALTER TABLE sms_challenges ADD COLUMN send_id BIGINT;
-- Today's risky sends, read under the budget's lock by every risky send.
CREATE INDEX sms_sends_risky_at ON sms_sends (risky, at);

-- The UTC days (Unix seconds of their midnight) on which administrators were emailed that
-- 80 % of the daily SMS budget was spent: once a day.
CREATE TABLE sms_budget_alerts (
    day BIGINT PRIMARY KEY,
    at BIGINT NOT NULL
);
