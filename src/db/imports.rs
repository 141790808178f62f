//! The `user_imports` table: uploaded CSV files between their preview and their import.

use super::{DbError, Exec};

/// An upload as kept.
#[derive(sqlx::FromRow)]
pub struct StoredImport {
    pub file_name: String,
    pub content: String,
    pub imported_at: Option<i64>,
}

pub async fn insert_import<'e>(
    db: impl Exec<'e>,
    id: &str,
    uploaded_by: i64,
    file_name: &str,
    content: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO user_imports (id, uploaded_by, file_name, content, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(uploaded_by)
    .bind(file_name)
    .bind(content)
    .bind(now)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(())
}

/// The upload `id` of `uploaded_by` while it has not expired.
pub async fn find_import<'e>(
    db: impl Exec<'e>,
    id: &str,
    uploaded_by: i64,
    now: i64,
) -> Result<Option<StoredImport>, DbError> {
    sqlx::query_as(
        "SELECT file_name, content, imported_at FROM user_imports \
         WHERE id = $1 AND uploaded_by = $2 AND expires_at > $3",
    )
    .bind(id)
    .bind(uploaded_by)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// Marks the upload imported: true for exactly one caller, however many try at once.
pub async fn claim_import<'e>(
    db: impl Exec<'e>,
    id: &str,
    uploaded_by: i64,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE user_imports SET imported_at = $1 \
         WHERE id = $2 AND uploaded_by = $3 AND expires_at > $1 AND imported_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(uploaded_by)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes expired uploads (the janitor).
pub async fn delete_expired_imports<'e>(db: impl Exec<'e>, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM user_imports WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// How many emails one statement asks about.
const EMAILS_AT_ONCE: usize = 500;

/// Which of `emails` (as stored: trimmed, lower-case) an account has, read from the
/// email index a few hundred at a time.
pub async fn existing_emails(
    conn: &mut sqlx::AnyConnection,
    emails: &[String],
) -> Result<Vec<String>, DbError> {
    let mut found = Vec::new();
    for chunk in emails.chunks(EMAILS_AT_ONCE) {
        let placeholders = (1..=chunk.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT email FROM users WHERE email IN ({placeholders})");
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql));
        for email in chunk {
            query = query.bind(email);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}
