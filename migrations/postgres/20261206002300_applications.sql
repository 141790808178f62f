-- Applications that sign their users in through Twostep with OpenID Connect (issue 23).
--
-- client_id: the public identifier an application is configured with (random, never a row
-- number). secret_hash: SHA-256 of a confidential client's secret (32 random bytes, so a
-- fast hash is enough); NULL for a public client. The URI lists are one a line, matched
-- exactly.
CREATE TABLE applications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    secret_hash TEXT,
    public_client BIGINT NOT NULL DEFAULT 0 CHECK (public_client IN (0, 1)),
    require_two_step BIGINT NOT NULL DEFAULT 0 CHECK (require_two_step IN (0, 1)),
    room_id BIGINT REFERENCES rooms (id) ON DELETE SET NULL,
    redirect_uris TEXT NOT NULL,
    post_logout_uris TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK ((public_client = 1) = (secret_hash IS NULL))
);

-- Authorization codes: stored as SHA-256 hashes, each for 60 s and one use. A second use
-- revokes the access tokens the first issued (code_hash on the tokens).
CREATE TABLE authorization_codes (
    code_hash TEXT PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    scope TEXT NOT NULL,
    nonce TEXT,
    code_challenge TEXT,
    auth_time BIGINT NOT NULL,
    amr TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at);

CREATE TABLE access_tokens (
    token_hash TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX access_tokens_code ON access_tokens (code_hash);
CREATE INDEX access_tokens_expiry ON access_tokens (expires_at);

-- The keys ID tokens are signed with: RSA-2048, the private key (PKCS#8) sealed under the
-- secret key. A key is published from created_at and signs from signs_from; the newest key
-- whose signs_from has come signs, and a key stays published until its successor has
-- signed for longer than an ID token lives.
CREATE TABLE signing_keys (
    kid TEXT PRIMARY KEY,
    sealed_private_key TEXT NOT NULL,
    modulus TEXT NOT NULL,
    exponent TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    signs_from BIGINT NOT NULL
);
