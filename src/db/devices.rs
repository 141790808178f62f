//! The `trusted_devices` table.

use sqlx::FromRow;

use super::{DbError, Exec};

#[derive(Clone, Debug, FromRow)]
pub struct TrustedDevice {
    pub id: i64,
    /// SHA-256 of the device's cookie token: tells "this device" among the list.
    pub token_hash: String,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub created_at: i64,
    pub last_used_at: i64,
    pub expires_at: Option<i64>,
}

pub struct NewDevice<'a> {
    pub user_id: i64,
    pub token_hash: &'a str,
    pub user_agent: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub expires_at: Option<i64>,
}

pub async fn insert_device<'e>(
    db: impl Exec<'e>,
    device: &NewDevice<'_>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO trusted_devices (user_id, token_hash, user_agent, ip, created_at, last_used_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $6)",
    )
    .bind(device.user_id)
    .bind(device.token_hash)
    .bind(device.user_agent)
    .bind(device.ip)
    .bind(now)
    .bind(device.expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// Marks the user's unexpired device with this token hash used; true when there is one.
pub async fn use_device<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    token_hash: &str,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE trusted_devices SET last_used_at = $1 \
         WHERE user_id = $2 AND token_hash = $3 AND (expires_at IS NULL OR expires_at > $1)",
    )
    .bind(now)
    .bind(user_id)
    .bind(token_hash)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The user's devices still trusted, newest first.
pub async fn list_devices<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    now: i64,
) -> Result<Vec<TrustedDevice>, DbError> {
    sqlx::query_as(
        "SELECT id, token_hash, user_agent, ip, created_at, last_used_at, expires_at FROM trusted_devices \
         WHERE user_id = $1 AND (expires_at IS NULL OR expires_at > $2) ORDER BY last_used_at DESC, id DESC",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(db)
    .await
}

pub async fn remove_device<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    device_id: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM trusted_devices WHERE id = $1 AND user_id = $2")
        .bind(device_id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn remove_all_devices<'e>(db: impl Exec<'e>, user_id: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM trusted_devices WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
