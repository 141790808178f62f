//! The `passkeys` table, the challenges answered (`passkey_challenges`), and the user
//! handle on `users`.

use sqlx::FromRow;

use super::users::{User, user_columns};
use super::{DbError, Exec};

/// A stored passkey or security key.
#[derive(Clone, Debug, FromRow)]
pub struct StoredPasskey {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    /// base64url, as the browser names it.
    pub credential_id: String,
    /// webauthn-rs's record of the credential, JSON.
    pub credential: String,
    pub sign_count: i64,
    /// Comma-separated ("internal,hybrid"), as the browser reported them.
    pub transports: String,
    pub backup_eligible: i64,
    pub backup_state: i64,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

impl StoredPasskey {
    /// Synced (a password manager's or a phone's passkey), rather than bound to one device.
    pub fn is_synced(&self) -> bool {
        self.backup_eligible != 0
    }
}

/// A passkey about to be stored.
pub struct NewPasskey<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub credential_id: &'a str,
    pub credential: &'a str,
    pub sign_count: i64,
    pub transports: &'a str,
    pub backup_eligible: bool,
    pub backup_state: bool,
}

/// The columns `StoredPasskey` is read from (a macro so queries stay `&'static str`).
macro_rules! passkey_columns {
    () => {
        "id, user_id, name, credential_id, credential, sign_count, transports, \
         backup_eligible, backup_state, created_at, last_used_at"
    };
}

/// The user's passkeys, oldest first.
pub async fn passkeys_of<'e>(
    db: impl Exec<'e>,
    user_id: i64,
) -> Result<Vec<StoredPasskey>, DbError> {
    sqlx::query_as(concat!(
        "SELECT ",
        passkey_columns!(),
        " FROM passkeys WHERE user_id = $1 ORDER BY created_at, id"
    ))
    .bind(user_id)
    .fetch_all(db)
    .await
}

/// A passkey being used, read with its owner (and the owner's user handle) in one
/// statement: a sign-in checks all three.
#[derive(Debug, FromRow)]
pub struct PasskeyInUse {
    pub passkey_id: i64,
    pub passkey_name: String,
    /// webauthn-rs's record of the credential, JSON.
    pub credential: String,
    pub sign_count: i64,
    pub passkey_handle: Option<String>,
    #[sqlx(flatten)]
    pub owner: User,
}

pub async fn passkey_in_use<'e>(
    db: impl Exec<'e>,
    credential_id: &str,
) -> Result<Option<PasskeyInUse>, DbError> {
    sqlx::query_as(concat!(
        "SELECT passkeys.id AS passkey_id, passkeys.name AS passkey_name, passkeys.credential, \
         passkeys.sign_count, users.passkey_handle, ",
        user_columns!(),
        " FROM passkeys JOIN users ON users.id = passkeys.user_id \
         WHERE passkeys.credential_id = $1"
    ))
    .bind(credential_id)
    .fetch_optional(db)
    .await
}

/// Stores a passkey; `false` when its credential is stored already (for anyone).
pub async fn insert_passkey<'e>(
    db: impl Exec<'e>,
    passkey: &NewPasskey<'_>,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "INSERT INTO passkeys (user_id, name, credential_id, credential, sign_count, transports, \
         backup_eligible, backup_state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (credential_id) DO NOTHING",
    )
    .bind(passkey.user_id)
    .bind(passkey.name)
    .bind(passkey.credential_id)
    .bind(passkey.credential)
    .bind(passkey.sign_count)
    .bind(passkey.transports)
    .bind(i64::from(passkey.backup_eligible))
    .bind(i64::from(passkey.backup_state))
    .bind(now)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a use: the credential as webauthn-rs updated it (counter, backup state) and
/// when. Only if the counter stored is still the one the check was made against, so two
/// uses at once cannot both move it from the same value.
pub async fn record_use<'e>(
    db: impl Exec<'e>,
    id: i64,
    checked_count: i64,
    credential: &str,
    sign_count: i64,
    backup_state: bool,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE passkeys SET credential = $1, sign_count = $2, backup_state = $3, \
         last_used_at = $4 WHERE id = $5 AND sign_count = $6",
    )
    .bind(credential)
    .bind(sign_count)
    .bind(i64::from(backup_state))
    .bind(now)
    .bind(id)
    .bind(checked_count)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes one of the user's passkeys; `false` when the user has no such passkey.
pub async fn delete_passkey<'e>(db: impl Exec<'e>, user_id: i64, id: i64) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete_passkeys_of<'e>(db: impl Exec<'e>, user_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn count_passkeys<'e>(db: impl Exec<'e>, user_id: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM passkeys WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(db)
        .await
}

/// The user's WebAuthn user handle, if one was made.
pub async fn user_handle<'e>(db: impl Exec<'e>, user_id: i64) -> Result<Option<String>, DbError> {
    let handle: Option<Option<String>> =
        sqlx::query_scalar("SELECT passkey_handle FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(db)
            .await?;
    Ok(handle.flatten())
}

/// Gives the user `handle` unless they have one already; the handle they have afterwards.
pub async fn keep_user_handle(
    db: &mut sqlx::AnyConnection,
    user_id: i64,
    handle: &str,
) -> Result<Option<String>, DbError> {
    sqlx::query("UPDATE users SET passkey_handle = $1 WHERE id = $2 AND passkey_handle IS NULL")
        .bind(handle)
        .bind(user_id)
        .execute(&mut *db)
        .await?;
    user_handle(&mut *db, user_id).await
}

/// Claims a challenge for the one request that answers it, before `expires_at`: `false`
/// when it expired, or was claimed before (its digest is kept until it expires, when the
/// expiry alone refuses it).
pub async fn claim_challenge<'e>(
    db: impl Exec<'e>,
    digest: &str,
    expires_at: i64,
    now: i64,
) -> Result<bool, DbError> {
    if expires_at <= now {
        return Ok(false);
    }
    let done = sqlx::query(
        "INSERT INTO passkey_challenges (digest, expires_at) VALUES ($1, $2) \
         ON CONFLICT (digest) DO NOTHING",
    )
    .bind(digest)
    .bind(expires_at)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The janitor's sweep of claims whose challenges have expired.
pub async fn delete_expired_challenges<'e>(db: impl Exec<'e>, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM passkey_challenges WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
