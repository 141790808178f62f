//! API keys: the stored digest of each key's secret, its scopes, dates and request count.

use sqlx::FromRow;

use super::{DbError, Exec};

/// A key as the control center lists it (never its secret).
#[derive(Clone, Debug, FromRow)]
pub struct ApiKeyRow {
    pub id: i64,
    pub name: String,
    /// As stored (`Scopes::stored`).
    pub scopes: String,
    pub created_at: i64,
    /// The administrator who made it; `None` from the command line (or since removed).
    pub created_by_email: Option<String>,
    pub expires_at: Option<i64>,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

const KEY_COLUMNS: &str = "k.id, k.name, k.scopes, k.created_at, u.email AS created_by_email, \
     k.expires_at, k.last_used_at, k.revoked_at \
     FROM api_keys k LEFT JOIN users u ON u.id = k.created_by";

/// What authenticating a presented key reads.
#[derive(Clone, Debug, FromRow)]
pub struct StoredKey {
    pub id: i64,
    pub name: String,
    pub scopes: String,
    pub secret_digest: String,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

pub struct NewKeyRow<'a> {
    pub key_id: &'a str,
    pub secret_digest: &'a str,
    pub name: &'a str,
    pub scopes: &'a str,
    pub created_at: i64,
    pub created_by: Option<i64>,
    pub expires_at: Option<i64>,
}

/// Why a key was not stored.
pub enum InsertKeyError {
    /// A key (revoked or not) has this name.
    NameTaken,
    Db(DbError),
}

pub async fn insert_key<'e>(db: impl Exec<'e>, key: &NewKeyRow<'_>) -> Result<i64, InsertKeyError> {
    sqlx::query_scalar(
        "INSERT INTO api_keys (key_id, secret_digest, name, scopes, created_at, created_by, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(key.key_id)
    .bind(key.secret_digest)
    .bind(key.name)
    .bind(key.scopes)
    .bind(key.created_at)
    .bind(key.created_by)
    .bind(key.expires_at)
    .fetch_one(db)
    .await
    .map_err(|err| match err {
        DbError::Database(db) if db.is_unique_violation() => InsertKeyError::NameTaken,
        err => InsertKeyError::Db(err),
    })
}

/// Every key, the newest first.
pub async fn list_keys<'e>(db: impl Exec<'e>) -> Result<Vec<ApiKeyRow>, DbError> {
    // Only the constant column list is put into the text.
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {KEY_COLUMNS} ORDER BY k.created_at DESC, k.id DESC"
    )))
    .fetch_all(db)
    .await
}

pub async fn find_key<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<ApiKeyRow>, DbError> {
    // Only the constant column list is put into the text.
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {KEY_COLUMNS} WHERE k.id = $1"
    )))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn find_key_by_name<'e>(
    db: impl Exec<'e>,
    name: &str,
) -> Result<Option<ApiKeyRow>, DbError> {
    // Only the constant column list is put into the text.
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {KEY_COLUMNS} WHERE k.name = $1"
    )))
    .bind(name)
    .fetch_optional(db)
    .await
}

/// The key whose id part is `key_id`, to check a presented secret against.
pub async fn find_by_key_id<'e>(
    db: impl Exec<'e>,
    key_id: &str,
) -> Result<Option<StoredKey>, DbError> {
    sqlx::query_as(
        "SELECT id, name, scopes, secret_digest, expires_at, revoked_at FROM api_keys WHERE key_id = $1",
    )
    .bind(key_id)
    .fetch_optional(db)
    .await
}

/// Revokes a key not revoked yet; false when it was (or does not exist).
pub async fn revoke_key<'e>(db: impl Exec<'e>, id: i64, now: i64) -> Result<bool, DbError> {
    let done =
        sqlx::query("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(db)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts one request of a key not revoked, in the minute `window`, and notes its use at
/// `now` when the last noted is a minute old: one statement, so concurrent requests on any
/// instance each get their own count. The request's number in its minute, or `None` when
/// the key was revoked meanwhile.
pub async fn count_request<'e>(
    db: impl Exec<'e>,
    id: i64,
    window: i64,
    now: i64,
) -> Result<Option<i64>, DbError> {
    // Every expression of SET reads the row as it was before the update.
    sqlx::query_scalar(
        "UPDATE api_keys SET \
         rate_count = CASE WHEN rate_window = $2 THEN rate_count + 1 ELSE 1 END, \
         rate_window = $2, \
         last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at <= $3 - 60 THEN $3 \
                        ELSE last_used_at END \
         WHERE id = $1 AND revoked_at IS NULL RETURNING rate_count",
    )
    .bind(id)
    .bind(window)
    .bind(now)
    .fetch_optional(db)
    .await
}
