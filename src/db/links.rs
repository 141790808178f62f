//! One-time links: "set your password" (an administrator's, or a reset asked for by email)
//! and "confirm your email address" (registration). Only the token's digest is stored; a
//! user's newer link of a kind replaces the older one, and using one removes them all. Any
//! change of the password removes the user's "set your password" links, in the changing
//! transaction: the functions of `users` that write a password call
//! `delete_password_links`.

use super::{DbError, Exec};

/// Which table a link lives in.
#[derive(Clone, Copy, Debug)]
pub enum LinkKind {
    /// `password_links`: sets the password.
    Password,
    /// `email_confirmations`: confirms the address of an account made at `/register`.
    EmailConfirmation,
}

/// The statement for `kind`: `$head` + the table's name + `$tail`, as a `&'static str`.
macro_rules! on_table {
    ($kind:expr, $head:literal, $tail:literal) => {
        match $kind {
            LinkKind::Password => concat!($head, "password_links", $tail),
            LinkKind::EmailConfirmation => concat!($head, "email_confirmations", $tail),
        }
    };
}

/// Stores a new link for the user; their older links of the kind stop working.
pub async fn replace_link(
    tx: &mut super::Tx,
    kind: LinkKind,
    user_id: i64,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> Result<(), DbError> {
    sqlx::query(on_table!(kind, "DELETE FROM ", " WHERE user_id = $1"))
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(on_table!(
        kind,
        "INSERT INTO ",
        " (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)"
    ))
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The user a live link belongs to.
pub async fn link_user<'e>(
    db: impl Exec<'e>,
    kind: LinkKind,
    token_hash: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar(on_table!(
        kind,
        "SELECT user_id FROM ",
        " WHERE token_hash = $1 AND expires_at > $2"
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(db)
    .await
}

/// The user's "set your password" links die: their password just changed.
pub async fn delete_password_links<'e>(db: impl Exec<'e>, user_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM password_links WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Uses a live link: it and every other link of its kind and user are gone; the user's id,
/// once (of two concurrent uses, one deletes the row).
pub async fn consume_link(
    tx: &mut super::Tx,
    kind: LinkKind,
    token_hash: &str,
    now: i64,
) -> Result<Option<i64>, DbError> {
    let user_id: Option<i64> = sqlx::query_scalar(on_table!(
        kind,
        "DELETE FROM ",
        " WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id"
    ))
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(user_id) = user_id {
        sqlx::query(on_table!(kind, "DELETE FROM ", " WHERE user_id = $1"))
            .bind(user_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(user_id)
}

/// Records where a password link was emailed when that is not the account's own address:
/// the address of an account made with a phone number, waiting for its link.
pub async fn set_password_link_address(
    tx: &mut super::Tx,
    token_hash: &str,
    sent_to: &str,
) -> Result<(), DbError> {
    sqlx::query("UPDATE password_links SET sent_to = $1 WHERE token_hash = $2")
        .bind(sent_to)
        .bind(token_hash)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Where a live password link was emailed, when not to the account's own address.
pub async fn password_link_address<'e>(
    db: impl Exec<'e>,
    token_hash: &str,
) -> Result<Option<String>, DbError> {
    Ok(sqlx::query_scalar::<_, Option<String>>(
        "SELECT sent_to FROM password_links WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?
    .flatten())
}
