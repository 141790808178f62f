//! Applications that sign in through Twostep (OpenID Connect): the registered clients,
//! their authorization codes and access tokens (hashes only), and the ID-token signing
//! keys.

use sqlx::FromRow;

use super::{DbError, Exec, Tx, flag};

#[derive(Clone, Debug, FromRow)]
pub struct Application {
    pub id: i64,
    pub client_id: String,
    pub name: String,
    /// SHA-256 (hex) of a confidential client's secret.
    pub secret_hash: Option<String>,
    public_client: i64,
    require_two_step: i64,
    pub room_id: Option<i64>,
    redirect_uris: String,
    post_logout_uris: String,
    pub created_at: i64,
}

impl Application {
    pub fn is_public(&self) -> bool {
        self.public_client != 0
    }

    pub fn requires_two_step(&self) -> bool {
        self.require_two_step != 0
    }

    pub fn redirect_uris(&self) -> Vec<&str> {
        self.redirect_uris
            .lines()
            .filter(|l| !l.is_empty())
            .collect()
    }

    pub fn post_logout_uris(&self) -> Vec<&str> {
        self.post_logout_uris
            .lines()
            .filter(|l| !l.is_empty())
            .collect()
    }
}

const COLUMNS: &str = "id, client_id, name, secret_hash, public_client, require_two_step, room_id, redirect_uris, post_logout_uris, created_at";

/// An application's settings as stored (the URIs already checked).
pub struct ApplicationRow<'a> {
    pub name: &'a str,
    pub require_two_step: bool,
    pub room_id: Option<i64>,
    pub redirect_uris: &'a [String],
    pub post_logout_uris: &'a [String],
}

pub async fn insert_application<'e>(
    db: impl Exec<'e>,
    client_id: &str,
    secret_hash: Option<&str>,
    row: &ApplicationRow<'_>,
    now: i64,
) -> Result<i64, DbError> {
    sqlx::query_scalar(
        "INSERT INTO applications (client_id, name, secret_hash, public_client, require_two_step, room_id, redirect_uris, post_logout_uris, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(client_id)
    .bind(row.name)
    .bind(secret_hash)
    .bind(flag(secret_hash.is_none()))
    .bind(flag(row.require_two_step))
    .bind(row.room_id)
    .bind(row.redirect_uris.join("\n"))
    .bind(row.post_logout_uris.join("\n"))
    .bind(now)
    .fetch_one(db)
    .await
}

/// Changes an application's settings (not its type nor its secret).
pub async fn update_application<'e>(
    db: impl Exec<'e>,
    id: i64,
    row: &ApplicationRow<'_>,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE applications SET name = $2, require_two_step = $3, room_id = $4, redirect_uris = $5, post_logout_uris = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(row.name)
    .bind(flag(row.require_two_step))
    .bind(row.room_id)
    .bind(row.redirect_uris.join("\n"))
    .bind(row.post_logout_uris.join("\n"))
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A confidential client's new secret; `false` for a public client or none.
pub async fn replace_secret<'e>(
    db: impl Exec<'e>,
    id: i64,
    secret_hash: &str,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE applications SET secret_hash = $2, updated_at = $3 WHERE id = $1 AND public_client = 0",
    )
    .bind(id)
    .bind(secret_hash)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes the application with its codes and tokens.
pub async fn delete_application<'e>(db: impl Exec<'e>, id: i64) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM applications WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn find_application<'e>(
    db: impl Exec<'e>,
    id: i64,
) -> Result<Option<Application>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM applications WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn find_application_by_client_id<'e>(
    db: impl Exec<'e>,
    client_id: &str,
) -> Result<Option<Application>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM applications WHERE client_id = $1"
    )))
    .bind(client_id)
    .fetch_optional(db)
    .await
}

/// Every application, by name.
pub async fn list_applications<'e>(db: impl Exec<'e>) -> Result<Vec<Application>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM applications ORDER BY name, id"
    )))
    .fetch_all(db)
    .await
}

/// What an authorization code stands for.
#[derive(Clone, Debug, FromRow)]
pub struct CodeGrant {
    pub code_hash: String,
    pub application_id: i64,
    pub user_id: i64,
    pub redirect_uri: String,
    pub scope: String,
    pub nonce: Option<String>,
    pub code_challenge: Option<String>,
    pub auth_time: i64,
    /// The methods of the sign-in, space-separated as stored (`domain::sessions::Proof`).
    pub amr: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

pub async fn insert_code<'e>(
    db: impl Exec<'e>,
    grant: &CodeGrant,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO authorization_codes (code_hash, application_id, user_id, redirect_uri, scope, nonce, code_challenge, auth_time, amr, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&grant.code_hash)
    .bind(grant.application_id)
    .bind(grant.user_id)
    .bind(&grant.redirect_uri)
    .bind(&grant.scope)
    .bind(grant.nonce.as_deref())
    .bind(grant.code_challenge.as_deref())
    .bind(grant.auth_time)
    .bind(&grant.amr)
    .bind(now)
    .bind(grant.expires_at)
    .execute(db)
    .await?;
    Ok(())
}

const CODE_COLUMNS: &str = "code_hash, application_id, user_id, redirect_uri, scope, nonce, code_challenge, auth_time, amr, expires_at, used_at";

/// Marks an unused code used and returns it: of concurrent exchanges of one code exactly
/// one gets it (PostgreSQL re-checks `used_at` after the first update's row lock; SQLite
/// writes one at a time).
pub async fn use_code<'e>(
    db: impl Exec<'e>,
    code_hash: &str,
    now: i64,
) -> Result<Option<CodeGrant>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE authorization_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL RETURNING {CODE_COLUMNS}"
    )))
    .bind(code_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

pub async fn find_code<'e>(
    db: impl Exec<'e>,
    code_hash: &str,
) -> Result<Option<CodeGrant>, DbError> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CODE_COLUMNS} FROM authorization_codes WHERE code_hash = $1"
    )))
    .bind(code_hash)
    .fetch_optional(db)
    .await
}

pub struct TokenRow<'a> {
    pub token_hash: &'a str,
    pub code_hash: &'a str,
    pub application_id: i64,
    pub user_id: i64,
    pub scope: &'a str,
    pub expires_at: i64,
}

pub async fn insert_access_token<'e>(
    db: impl Exec<'e>,
    row: &TokenRow<'_>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO access_tokens (token_hash, code_hash, application_id, user_id, scope, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(row.token_hash)
    .bind(row.code_hash)
    .bind(row.application_id)
    .bind(row.user_id)
    .bind(row.scope)
    .bind(now)
    .bind(row.expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Revokes what a code issued (it was used a second time).
pub async fn revoke_tokens_of_code<'e>(db: impl Exec<'e>, code_hash: &str) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM access_tokens WHERE code_hash = $1")
        .bind(code_hash)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// Ends every access token of a user, and every code not exchanged yet (disabled, reset,
/// signed out everywhere).
pub async fn revoke_grants_of_user(tx: &mut Tx, user_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM access_tokens WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM authorization_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A live access token: its user, application and scope.
#[derive(Debug, FromRow)]
pub struct LiveToken {
    pub user_id: i64,
    pub application_id: i64,
    pub scope: String,
}

pub async fn find_live_token<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
    now: i64,
) -> Result<Option<LiveToken>, DbError> {
    sqlx::query_as(
        "SELECT user_id, application_id, scope FROM access_tokens WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Forgets codes and tokens that ended before `before`.
pub async fn delete_expired_grants(
    db: &mut sqlx::AnyConnection,
    before: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM authorization_codes WHERE expires_at < $1")
        .bind(before)
        .execute(&mut *db)
        .await?;
    sqlx::query("DELETE FROM access_tokens WHERE expires_at < $1")
        .bind(before)
        .execute(&mut *db)
        .await?;
    Ok(())
}

#[derive(Clone, Debug, FromRow)]
pub struct SigningKeyRow {
    pub kid: String,
    pub sealed_private_key: String,
    /// Base64url, as the JWK carries them.
    pub modulus: String,
    pub exponent: String,
    pub created_at: i64,
    pub signs_from: i64,
}

pub async fn insert_signing_key<'e>(db: impl Exec<'e>, key: &SigningKeyRow) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO signing_keys (kid, sealed_private_key, modulus, exponent, created_at, signs_from) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&key.kid)
    .bind(&key.sealed_private_key)
    .bind(&key.modulus)
    .bind(&key.exponent)
    .bind(key.created_at)
    .bind(key.signs_from)
    .execute(db)
    .await?;
    Ok(())
}

/// Every key, oldest first (by when it signs).
pub async fn list_signing_keys<'e>(db: impl Exec<'e>) -> Result<Vec<SigningKeyRow>, DbError> {
    sqlx::query_as(
        "SELECT kid, sealed_private_key, modulus, exponent, created_at, signs_from FROM signing_keys ORDER BY signs_from, created_at, kid",
    )
    .fetch_all(db)
    .await
}

pub async fn delete_signing_key<'e>(db: impl Exec<'e>, kid: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM signing_keys WHERE kid = $1")
        .bind(kid)
        .execute(db)
        .await?;
    Ok(())
}
