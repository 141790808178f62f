-- The limits on codes per user count every code sent for the account, whatever its
-- subject: sign-in and enrolment codes ("user:12") and each room's codes ("room:3:user:12"),
-- so a member of many rooms cannot be sent 5 codes an hour in each.
ALTER TABLE sms_sends ADD COLUMN user_id BIGINT;
UPDATE sms_sends SET user_id = CAST(substr(subject, 6) AS BIGINT) WHERE subject LIKE 'user:%';
UPDATE sms_sends SET user_id = (
    SELECT m.user_id FROM room_members m JOIN room_groups g ON g.id = m.group_id
    WHERE sms_sends.subject = 'room:' || CAST(g.room_id AS TEXT) || ':user:' || CAST(m.user_id AS TEXT)
    LIMIT 1
) WHERE subject LIKE 'room:%';
CREATE INDEX sms_sends_user_at ON sms_sends (user_id, at);
