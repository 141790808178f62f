-- When a group's requirement first applied to a user (they joined it while it required
-- 2-step verification, or it became Required while they were in it). Kept when they leave
-- the group or the group stops requiring it, so joining again or the group requiring it
-- again does not start the grace period anew; gone with the group or the user.
CREATE TABLE group_requirement_starts (
    group_id BIGINT NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    since BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_requirement_starts_user ON group_requirement_starts (user_id);
INSERT INTO group_requirement_starts (group_id, user_id, since)
SELECT group_id, user_id, required_since FROM group_members WHERE required_since IS NOT NULL;
ALTER TABLE group_members DROP COLUMN required_since;
