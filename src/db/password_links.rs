//! One-time "set your password" links: only the token's digest is stored.

use super::{DbError, Exec};

/// Stores a new link for the user; their older links stop working.
pub async fn replace_password_link(
    tx: &mut super::Tx,
    user_id: i64,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM password_links WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The user a live link belongs to.
pub async fn password_link_user<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar(
        "SELECT user_id FROM password_links WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Uses a live link: it and every other link of its user are gone; the user's id, once.
pub async fn consume_password_link(
    tx: &mut super::Tx,
    token_hash: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    let user_id: Option<i64> = sqlx::query_scalar(
        "DELETE FROM password_links WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(user_id) = user_id {
        sqlx::query("DELETE FROM password_links WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(user_id)
}
