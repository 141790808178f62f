-- Languages (issue 26). registration_requests.language: the language of the page that sent
-- the registration, so the background worker writes its email in it (nobody has an account
-- to choose one yet); NULL for requests queued before this column.
ALTER TABLE registration_requests ADD COLUMN language TEXT CHECK (language IN ('en', 'sv', 'de', 'et'));
