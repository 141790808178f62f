//! The durable outbox of email. Notifications are written here in the same transaction as
//! the change they report; delivery (SMTP or .eml files) arrives with the mail issue.

use super::{DbError, Exec};

pub struct Email<'a> {
    pub user_id: i64,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

pub async fn enqueue<'e>(db: impl Exec<'e>, email: &Email<'_>, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO outbox (user_id, to_address, subject, body, created_at, attempts) VALUES ($1, $2, $3, $4, $5, 0)",
    )
    .bind(email.user_id)
    .bind(email.to)
    .bind(email.subject)
    .bind(email.body)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}
