//! The `totp_secrets` table: sealed authenticator keys and the last step used.

use super::{DbError, Exec};

pub struct ActiveSecret {
    pub sealed: String,
}

pub async fn pending_secret<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Option<String>, DbError> {
    let row: Option<Option<String>> =
        sqlx::query_scalar("SELECT pending_sealed FROM totp_secrets WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    Ok(row.flatten())
}

/// Keeps a key being set up, beside (never over) the active one.
pub async fn store_pending_secret<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    sealed: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO totp_secrets (user_id, pending_sealed, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET pending_sealed = $2, updated_at = $3",
    )
    .bind(user_id)
    .bind(sealed)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Makes the key being set up the active one, if it is still the one the code was checked
/// against; the step of that code counts as used.
pub async fn activate_pending<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    sealed: &str,
    step: i64,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE totp_secrets SET active_sealed = pending_sealed, pending_sealed = NULL, \
         last_used_step = $1, updated_at = $2 WHERE user_id = $3 AND pending_sealed = $4",
    )
    .bind(step)
    .bind(now)
    .bind(user_id)
    .bind(sealed)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn active_secret<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Option<ActiveSecret>, DbError> {
    let row: Option<Option<String>> =
        sqlx::query_scalar("SELECT active_sealed FROM totp_secrets WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    Ok(row.flatten().map(|sealed| ActiveSecret { sealed }))
}

/// Records `step` of the active key `sealed` as used if no later or equal step was; true
/// for exactly one caller, so a code (or an older one) is never accepted twice, and never
/// when the key was replaced or removed since the code was checked against it.
pub async fn claim_step<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    sealed: &str,
    step: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE totp_secrets SET last_used_step = $1 WHERE user_id = $2 \
         AND active_sealed = $3 AND (last_used_step IS NULL OR last_used_step < $1)",
    )
    .bind(step)
    .bind(user_id)
    .bind(sealed)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Forgets the user's authenticator keys, active and pending.
pub async fn delete_secrets<'e>(db: impl Exec<'e>, user_id: i64) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM totp_secrets WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}
