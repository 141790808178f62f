//! The `temporary_codes` table: at most one code a person.

use super::{DbError, Exec, Tx};

/// A person's code as stored: its MAC, who issued it and when, when it ends.
#[derive(sqlx::FromRow)]
pub struct StoredCode {
    pub code_mac: String,
    pub issued_at: i64,
    pub expires_at: i64,
    pub wrong_tries: i64,
    /// The issuing administrator's name; `None` from the command line or once they are gone.
    pub issued_by: Option<String>,
}

/// Stores a new code for `user_id`, replacing any earlier one (and its wrong tries).
pub async fn replace_code<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    code_mac: &str,
    issued_by: Option<i64>,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO temporary_codes (user_id, code_mac, issued_by, issued_at, expires_at, wrong_tries) \
         VALUES ($1, $2, $3, $4, $5, 0) \
         ON CONFLICT (user_id) DO UPDATE SET code_mac = excluded.code_mac, \
         issued_by = excluded.issued_by, issued_at = excluded.issued_at, \
         expires_at = excluded.expires_at, wrong_tries = 0",
    )
    .bind(user_id)
    .bind(code_mac)
    .bind(issued_by)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The person's code while it is valid at `now`.
pub async fn valid_code<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    now: i64,
) -> Result<Option<StoredCode>, DbError> {
    sqlx::query_as(
        "SELECT t.code_mac, t.issued_at, t.expires_at, t.wrong_tries, u.name AS issued_by \
         FROM temporary_codes t LEFT JOIN users u ON u.id = t.issued_by \
         WHERE t.user_id = $1 AND t.expires_at > $2",
    )
    .bind(user_id)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Uses the code whose MAC is `code_mac`; true for exactly one caller, however many try
/// at once.
pub async fn consume_code<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    code_mac: &str,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "DELETE FROM temporary_codes WHERE user_id = $1 AND code_mac = $2 AND expires_at > $3",
    )
    .bind(user_id)
    .bind(code_mac)
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a wrong try against the person's code; at `max` tries the code is gone. True
/// when this try ended it.
pub async fn count_wrong_try(tx: &mut Tx, user_id: i64, max: i64) -> Result<bool, DbError> {
    sqlx::query("UPDATE temporary_codes SET wrong_tries = wrong_tries + 1 WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    let ended = sqlx::query("DELETE FROM temporary_codes WHERE user_id = $1 AND wrong_tries >= $2")
        .bind(user_id)
        .bind(max)
        .execute(&mut **tx)
        .await?;
    Ok(ended.rows_affected() == 1)
}

/// Forgets codes that ended before `now`.
pub async fn delete_expired_codes<'e>(db: impl Exec<'e>, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM temporary_codes WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
