//! One-time setup tokens that create the first administrator. Only a SHA-256 digest of the
//! token is stored.

use sqlx::{Any, Executor};

use super::users::{InsertUserError, NewUser, admin_exists, insert_user};
use super::{Db, DbError, unix_now};

/// Replaces any earlier setup token with this one (its digest).
pub async fn store_setup_token(db: &Db, token_hash: &str) -> Result<(), DbError> {
    let mut tx = db.pool.begin().await?;
    delete_setup_tokens(&mut *tx).await?;
    sqlx::query("INSERT INTO setup_tokens (token_hash, created_at) VALUES ($1, $2)")
        .bind(token_hash)
        .bind(unix_now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn delete_setup_tokens<'e>(
    executor: impl Executor<'e, Database = Any>,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM setup_tokens")
        .execute(executor)
        .await?;
    Ok(())
}

pub async fn setup_token_is_valid(db: &Db, token_hash: &str) -> Result<bool, DbError> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT token_hash FROM setup_tokens WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("the setup link has been used or is no longer valid")]
    TokenInvalid,
    #[error(transparent)]
    Insert(#[from] InsertUserError),
}

impl From<DbError> for SetupError {
    fn from(err: DbError) -> Self {
        Self::Insert(InsertUserError::Db(err))
    }
}

/// Consumes the token and creates the first administrator in one transaction: of two
/// concurrent uses, exactly one deletes the token row and goes on.
pub async fn create_first_admin(
    db: &Db,
    token_hash: &str,
    admin: &NewUser<'_>,
) -> Result<i64, SetupError> {
    let mut tx = db.pool.begin().await?;
    let deleted = sqlx::query("DELETE FROM setup_tokens WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if deleted != 1 || admin_exists(&mut *tx).await? {
        return Err(SetupError::TokenInvalid);
    }
    let id = insert_user(&mut *tx, admin).await?;
    tx.commit().await?;
    Ok(id)
}
