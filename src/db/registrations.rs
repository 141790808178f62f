//! Registrations waiting for the background worker (`registration_requests`).

use super::{DbError, Exec};
use crate::db::audit::Origin;
use crate::domain::language::Language;

/// A registration as typed, its password already hashed.
#[derive(Debug, sqlx::FromRow)]
pub struct RegistrationRequest {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The language of the page that sent it (`en`, `sv`, `de`, `et`).
    pub language: Option<String>,
}

impl RegistrationRequest {
    pub fn origin(&self) -> Origin {
        Origin {
            ip: self.ip.clone(),
            user_agent: self.user_agent.clone(),
            language: self.language.as_deref().and_then(Language::parse),
        }
    }
}

pub async fn insert_request<'e>(
    db: impl Exec<'e>,
    email: &str,
    name: &str,
    password_hash: &str,
    origin: &Origin,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO registration_requests (email, name, password_hash, ip, user_agent, language, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(email)
    .bind(name)
    .bind(password_hash)
    .bind(origin.ip.as_deref())
    .bind(origin.user_agent.as_deref())
    .bind(origin.language.map(Language::code))
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// The oldest waiting request's id and address, if any (not claimed: see `take_request`).
pub async fn oldest_request<'e>(db: impl Exec<'e>) -> Result<Option<(i64, String)>, DbError> {
    sqlx::query_as("SELECT id, email FROM registration_requests ORDER BY id LIMIT 1")
        .fetch_optional(db)
        .await
}

/// Takes the request out, in the caller's transaction: of several workers, one gets it.
pub async fn take_request(
    tx: &mut super::Tx,
    id: i64,
) -> Result<Option<RegistrationRequest>, DbError> {
    sqlx::query_as(
        "DELETE FROM registration_requests WHERE id = $1 \
         RETURNING id, email, name, password_hash, ip, user_agent, language",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

/// Removes a request that could not be settled.
pub async fn drop_request<'e>(db: impl Exec<'e>, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM registration_requests WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// A later registration of an address whose account is not confirmed yet: its name and
/// password, kept until the confirmation link picks one (`registration_passwords`).
#[derive(Debug, sqlx::FromRow)]
pub struct LaterRegistration {
    pub id: i64,
    pub name: String,
    pub password_hash: String,
}

/// How many later registrations of one account are kept (the newest).
const LATER_REGISTRATIONS_KEPT: i64 = 5;

/// Keeps a later registration beside the account, leaving its password as it is; only the
/// newest few are kept.
pub async fn add_later_registration(
    db: &mut sqlx::AnyConnection,
    user_id: i64,
    name: &str,
    password_hash: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO registration_passwords (user_id, name, password_hash, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(name)
    .bind(password_hash)
    .bind(now)
    .execute(&mut *db)
    .await?;
    sqlx::query(
        "DELETE FROM registration_passwords WHERE user_id = $1 AND id NOT IN \
         (SELECT id FROM registration_passwords WHERE user_id = $1 ORDER BY id DESC LIMIT $2)",
    )
    .bind(user_id)
    .bind(LATER_REGISTRATIONS_KEPT)
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The later registrations of an account, newest first.
pub async fn later_registrations<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Vec<LaterRegistration>, DbError> {
    sqlx::query_as(
        "SELECT id, name, password_hash FROM registration_passwords WHERE user_id = $1 ORDER BY id DESC",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

pub async fn delete_later_registrations<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM registration_passwords WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}
