-- Who must use passkeys (issue 24): a group's "Methods members may use" ('any', the
-- default, or 'passkeys_only': GroupMethods::as_str, and no other spelling is stored)
-- and the platform's "Administrators must use passkeys" (off by default).
ALTER TABLE user_groups ADD COLUMN methods TEXT NOT NULL DEFAULT 'any'
    CONSTRAINT user_groups_methods_known CHECK (methods IN ('any', 'passkeys_only'));
ALTER TABLE platform_settings ADD COLUMN admins_use_passkeys BIGINT NOT NULL DEFAULT 0;
