//! What sign-in alerts keep: the browsers each account signed in from, the "This wasn't
//! me" links, and the password steps whose second step is still owed.

use super::{DbError, Exec, Tx};

/// Whether `user_id` signed in from the browser whose cookie digests to `digest` at or
/// after `since`: then there is nothing to write.
pub async fn seen_since<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    digest: &str,
    since: i64,
) -> Result<bool, DbError> {
    let seen: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM known_browsers WHERE user_id = $1 AND browser_digest = $2 AND last_seen >= $3",
    )
    .bind(user_id)
    .bind(digest)
    .bind(since)
    .fetch_optional(db)
    .await?;
    Ok(seen.is_some())
}

/// Notes that `user_id` signed in from the browser whose cookie digests to `digest`.
/// Returns whether the account knew this browser, and whether it knew any browser.
pub async fn note_browser(
    tx: &mut Tx,
    user_id: i64,
    digest: &str,
    now: i64,
) -> Result<(bool, bool), DbError> {
    let (known, any): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(MAX(CASE WHEN browser_digest = $2 THEN 1 ELSE 0 END), 0), COUNT(*) \
         FROM known_browsers WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(digest)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO known_browsers (user_id, browser_digest, first_seen, last_seen) \
         VALUES ($1, $2, $3, $3) \
         ON CONFLICT (user_id, browser_digest) DO UPDATE SET last_seen = excluded.last_seen",
    )
    .bind(user_id)
    .bind(digest)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok((known > 0, any > 0))
}

/// Stores a "This wasn't me" link; the account's other links keep working.
pub async fn add_secure_link<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
    user_id: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO secure_account_links (token_hash, user_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The account a live link belongs to.
pub async fn secure_link_user<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar(
        "SELECT user_id FROM secure_account_links WHERE token_hash = $1 AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Uses a live link: it and the account's other links are gone. The account's id, for
/// exactly one of any number of concurrent uses.
pub async fn consume_secure_link(
    tx: &mut Tx,
    token_hash: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    let user_id: Option<i64> = sqlx::query_scalar(
        "DELETE FROM secure_account_links WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(user_id) = user_id {
        sqlx::query("DELETE FROM secure_account_links WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(user_id)
}

/// Forgets "This wasn't me" links that ended before `now`.
pub async fn delete_expired_secure_links<'e>(db: impl Exec<'e>, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM secure_account_links WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// A right password whose second step is owed, from where it was typed.
pub async fn start_unfinished(
    tx: &mut Tx,
    attempt: &str,
    user_id: i64,
    now: i64,
    ip: Option<&str>,
    user_agent: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO unfinished_sign_ins (attempt, user_id, started_at, ip, user_agent) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(attempt)
    .bind(user_id)
    .bind(now)
    .bind(ip)
    .bind(user_agent)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The sign-in whose session holds `attempt` is complete.
pub async fn finish_unfinished(tx: &mut Tx, attempt: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM unfinished_sign_ins WHERE attempt = $1")
        .bind(attempt)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A password step the sweep took.
#[derive(sqlx::FromRow)]
pub struct Unfinished {
    pub user_id: i64,
    pub started_at: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// The audit events that are a wrong second step.
const WRONG_CODES: &str = "'code.failed', 'code.locked', 'totp.failed', 'totp.replay_refused', \
    'recovery_code.failed', 'temporary_code.failed', 'passkey.refused', 'passkey.counter_refused'";

/// Takes (deletes and returns) up to `limit` password steps begun before `cutoff`, or whose
/// account met `wrong` wrong second steps since. On PostgreSQL rows another instance is
/// taking are skipped, so two sweeps never take the same row; SQLite has one writer.
pub async fn take_unfinished(
    tx: &mut Tx,
    postgres: bool,
    cutoff: i64,
    wrong: i64,
    limit: i64,
) -> Result<Vec<Unfinished>, DbError> {
    let skip_locked = if postgres {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let statement = format!(
        "DELETE FROM unfinished_sign_ins WHERE attempt IN (\
         SELECT u.attempt FROM unfinished_sign_ins u WHERE u.started_at <= $1 \
         OR (SELECT COUNT(*) FROM audit_events a WHERE a.subject_user_id = u.user_id \
             AND a.at >= u.started_at AND a.event IN ({WRONG_CODES})) >= $2 \
         ORDER BY u.started_at LIMIT $3{skip_locked}) \
         RETURNING user_id, started_at, ip, user_agent"
    );
    // The text holds only numbered placeholders; the values are bound.
    sqlx::query_as(sqlx::AssertSqlSafe(statement))
        .bind(cutoff)
        .bind(wrong)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await
}

/// Records that `user_id` is emailed about an unfinished sign-in now, unless they were in
/// the hour before: true when the email should go.
pub async fn claim_unfinished_alert(
    tx: &mut Tx,
    user_id: i64,
    now: i64,
    every_secs: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE users SET unfinished_alerted_at = $1 WHERE id = $2 \
         AND (unfinished_alerted_at IS NULL OR unfinished_alerted_at <= $3)",
    )
    .bind(now)
    .bind(user_id)
    .bind(now - every_secs)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
