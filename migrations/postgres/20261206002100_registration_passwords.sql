-- Registering again with an address whose account nobody has confirmed yet never changes
-- that account's password: each later registration's name and password wait here, and the
-- confirmation link applies the one whose password the person who opened it types.
CREATE TABLE registration_passwords (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX registration_passwords_user ON registration_passwords (user_id, id);
