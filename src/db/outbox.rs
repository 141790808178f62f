//! The durable outbox of email. Notifications are written here in the same transaction as
//! the change they report; every instance's sender (`services::outbox`) claims, sends and
//! marks them.

use super::{DbError, Exec};

pub struct Email<'a> {
    /// The account it is about, when there is one (not for an invitation).
    pub user_id: Option<i64>,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// Queues an email whose body carries a secret: `sealed` holds the body, `email.body`
/// only says what it was.
pub async fn enqueue_sealed<'e>(
    db: impl Exec<'e>,
    email: &Email<'_>,
    sealed: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO outbox (user_id, to_address, subject, body, sealed_body, created_at, attempts) VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(email.user_id)
    .bind(email.to)
    .bind(email.subject)
    .bind(email.body)
    .bind(sealed)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Queues an email with an HTML part beside its text.
pub async fn enqueue_with_html<'e>(
    db: impl Exec<'e>,
    email: &Email<'_>,
    html: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO outbox (user_id, to_address, subject, body, html_body, created_at, attempts) VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(email.user_id)
    .bind(email.to)
    .bind(email.subject)
    .bind(email.body)
    .bind(html)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// An email claimed for sending.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Claimed {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    /// The body, sealed, when it carries a secret.
    pub sealed_body: Option<String>,
    /// The HTML part, when there is one.
    pub html_body: Option<String>,
    pub created_at: i64,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// Claims up to `limit` due emails for `worker` until `until`: unsent, not given up, due,
/// and not claimed by anyone whose lease still holds. On PostgreSQL rows another
/// instance is claiming at the same moment are skipped (`FOR UPDATE SKIP LOCKED`), so two
/// instances never claim the same email; on SQLite claims take turns with every writer.
pub async fn claim_due(
    tx: &mut super::Tx,
    postgres: bool,
    worker: &str,
    now: i64,
    until: i64,
    limit: i64,
) -> Result<Vec<Claimed>, DbError> {
    let lock = if postgres {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
           AND next_attempt_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3) \
           ORDER BY id LIMIT $4{lock}) \
         RETURNING id, to_address, subject, body, sealed_body, html_body, created_at, attempts"
    );
    // The text holds only numbered placeholders; the values are bound.
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(worker)
        .bind(until)
        .bind(now)
        .bind(limit)
        .fetch_all(&mut **tx)
        .await
}

/// Marks an email this worker claimed as sent.
pub async fn mark_sent<'e>(
    db: impl Exec<'e>,
    id: i64,
    worker: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $2, claimed_by = NULL, claimed_until = NULL, last_error = NULL, \
         sealed_body = NULL WHERE id = $1 AND claimed_by = $3",
    )
    .bind(id)
    .bind(now)
    .bind(worker)
    .execute(db)
    .await?;
    Ok(())
}

/// Puts an email back for another attempt at `next_at`, noting why this one failed.
pub async fn retry_later<'e>(
    db: impl Exec<'e>,
    id: i64,
    worker: &str,
    next_at: i64,
    error: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE outbox SET next_attempt_at = $2, last_error = $3, claimed_by = NULL, claimed_until = NULL \
         WHERE id = $1 AND claimed_by = $4",
    )
    .bind(id)
    .bind(next_at)
    .bind(error)
    .bind(worker)
    .execute(db)
    .await?;
    Ok(())
}

/// Gives an email up: it is never tried again.
pub async fn give_up<'e>(
    db: impl Exec<'e>,
    id: i64,
    worker: &str,
    now: i64,
    error: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE outbox SET failed_at = $2, last_error = $3, claimed_by = NULL, claimed_until = NULL, \
         sealed_body = NULL WHERE id = $1 AND claimed_by = $4",
    )
    .bind(id)
    .bind(now)
    .bind(error)
    .bind(worker)
    .execute(db)
    .await?;
    Ok(())
}

/// Puts back every email `worker` claimed and has not settled (the process is stopping):
/// due at once for any instance, the interrupted attempt not counted. The number put back.
pub async fn release_claims<'e>(db: impl Exec<'e>, worker: &str) -> Result<u64, DbError> {
    let done = sqlx::query(
        "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL, \
         attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END \
         WHERE claimed_by = $1 AND sent_at IS NULL AND failed_at IS NULL",
    )
    .bind(worker)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}
