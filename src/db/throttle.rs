//! Attempts counted against a limit (failed passwords, wrong authenticator or recovery
//! codes, registrations), in the database so limits hold across instances. Keys are keyed
//! HMACs made by the caller: nothing typed is stored in clear.

use super::{DbError, Exec};

pub async fn attempts_since<'e>(db: impl Exec<'e>, key: &str, since: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM login_failures WHERE scope_key = $1 AND at > $2")
        .bind(key)
        .bind(since)
        .fetch_one(db)
        .await
}

/// Records an attempt; its id lets a successful attempt be released again.
pub async fn insert_attempt<'e>(db: impl Exec<'e>, key: &str, now: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("INSERT INTO login_failures (scope_key, at) VALUES ($1, $2) RETURNING id")
        .bind(key)
        .bind(now)
        .fetch_one(db)
        .await
}

pub async fn delete_attempt<'e>(db: impl Exec<'e>, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM login_failures WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn purge_attempts_before<'e>(db: impl Exec<'e>, cutoff: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM login_failures WHERE at <= $1")
        .bind(cutoff)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
