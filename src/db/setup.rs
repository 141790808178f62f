//! One-time setup tokens that create the first administrator. Only a SHA-256 digest of the
//! token is stored.

use super::{DbError, Exec, Tx};

/// Replaces any earlier setup token with this one (its digest).
pub async fn store_setup_token(tx: &mut Tx, token_hash: &str, now: i64) -> Result<(), DbError> {
    delete_setup_tokens(&mut **tx).await?;
    sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
        .bind(token_hash)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn delete_setup_tokens<'e>(db: impl Exec<'e>) -> Result<(), DbError> {
    sqlx::query("DELETE FROM setup_tokens").execute(db).await?;
    Ok(())
}

pub async fn setup_token_is_valid<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
) -> Result<bool, DbError> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT token_hash FROM setup_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

/// Deletes the token; true for exactly one of several concurrent callers.
pub async fn consume_setup_token<'e>(db: impl Exec<'e>, token_hash: &str) -> Result<bool, DbError> {
    let deleted = sqlx::query("DELETE FROM setup_tokens WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?
        .rows_affected();
    Ok(deleted == 1)
}
