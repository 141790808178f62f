-- Languages (issue 26). users.language: the person's own choice ("Language" on the profile,
-- or the menu while signed in); NULL follows the browser. platform_settings.default_language:
-- "Default language" in the control center, for requests that say nothing the portal knows.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('en', 'sv', 'de', 'et'));
ALTER TABLE platform_settings ADD COLUMN default_language TEXT NOT NULL DEFAULT 'en'
    CHECK (default_language IN ('en', 'sv', 'de', 'et'));
