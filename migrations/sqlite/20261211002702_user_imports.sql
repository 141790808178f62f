-- The users import (issue 27): a CSV file an administrator uploaded, kept between its
-- preview and the import so the file is sent once. Only its uploader sees it; it expires
-- after an hour and the janitor removes it. imported_at is set by the one "Import" that
-- runs (two at once: one sets it, the other is told it was done).
CREATE TABLE user_imports (
    id TEXT PRIMARY KEY,
    uploaded_by BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    imported_at BIGINT
);
CREATE INDEX user_imports_expires_at ON user_imports (expires_at);
