//! The `recovery_codes` table.

use super::{DbError, Exec, Tx};

/// Voids every earlier code of the user and stores the new set, inside the caller's
/// transaction.
pub async fn replace_codes(
    tx: &mut Tx,
    user_id: i64,
    macs: &[String],
    now: i64,
) -> Result<(), DbError> {
    delete_codes(&mut **tx, user_id).await?;
    for mac in macs {
        sqlx::query(
            "INSERT INTO recovery_codes (user_id, code_mac, created_at) VALUES ($1, $2, $3)",
        )
        .bind(user_id)
        .bind(mac)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub async fn delete_codes<'e>(db: impl Exec<'e>, user_id: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// The user's unused codes: (id, mac).
pub async fn unused_codes<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Vec<(i64, String)>, DbError> {
    sqlx::query_as("SELECT id, code_mac FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL ORDER BY id")
        .bind(user_id)
        .fetch_all(db)
        .await
}

pub async fn count_unused<'e>(db: impl Exec<'e>, user_id: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .fetch_one(db)
        .await
}

/// Marks a code used if it still is unused; true for exactly one caller.
pub async fn consume_code<'e>(db: impl Exec<'e>, id: i64, now: i64) -> Result<bool, DbError> {
    let done =
        sqlx::query("UPDATE recovery_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(db)
            .await?;
    Ok(done.rows_affected() == 1)
}
