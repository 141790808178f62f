-- The country whose national format ("070-123 45 67") phone numbers may be typed in, as an
-- ISO 3166 code ("SE"). NULL: the one allowed SMS country when there is exactly one, else
-- none (numbers must then start with their country code).
ALTER TABLE platform_settings ADD COLUMN default_country TEXT;
