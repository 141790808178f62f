//! The `users` table.

use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, FromRow};

use super::links::delete_password_links;
use super::{DbError, Exec, flag};
use crate::domain::account::name_search_keys;
use crate::domain::factors::FactorMethod;

#[derive(Clone, Debug, FromRow, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub password_hash: Option<String>,
    pub phone: Option<String>,
    pub is_admin: i64,
    pub disabled: i64,
    pub phone_verified_at: Option<i64>,
    /// The active second factor; `None` when 2-step verification is off.
    pub two_factor_method: Option<FactorMethod>,
    /// How long the user chose to stay signed in; `None`: until the browser closes.
    pub session_duration_secs: Option<i64>,
    /// When the email address was confirmed; `None` for an account made at `/register`
    /// whose link has not been opened yet (it cannot sign in).
    pub email_confirmed_at: Option<i64>,
    /// The language the person chose (`en`, `sv`, `de`, `et`); `None` follows the browser.
    /// Sessions stored before it existed read as `None`.
    #[serde(default)]
    pub language: Option<String>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.is_admin != 0
    }

    /// The language the person chose, if any.
    pub fn language(&self) -> Option<crate::domain::language::Language> {
        self.language
            .as_deref()
            .and_then(crate::domain::language::Language::parse)
    }

    pub fn is_disabled(&self) -> bool {
        self.disabled != 0
    }

    pub fn email_is_confirmed(&self) -> bool {
        self.email_confirmed_at.is_some()
    }

    /// The active second factor; `None` when 2-step verification is off.
    pub fn method(&self) -> Option<FactorMethod> {
        self.two_factor_method
    }

    /// The verified number sign-in codes go to, when SMS is the active method.
    pub fn sms_phone(&self) -> Option<&str> {
        self.verified_phone()
            .filter(|_| self.method() == Some(FactorMethod::Sms))
    }

    pub fn has_two_step(&self) -> bool {
        self.method().is_some()
    }

    pub fn uses_authenticator(&self) -> bool {
        self.method() == Some(FactorMethod::Authenticator)
    }

    /// The account has a password (one made with a phone number has none until its owner
    /// sets one).
    pub fn has_password(&self) -> bool {
        self.password_hash.is_some()
    }

    /// Email to the account's address reaches someone: not the `.invalid` placeholder an
    /// account made with a phone number holds until its address is confirmed.
    pub fn has_mailbox(&self) -> bool {
        !self.email.ends_with(".invalid")
    }

    /// A number once verified by a code: usable for SMS whatever the active method.
    pub fn verified_phone(&self) -> Option<&str> {
        self.phone
            .as_deref()
            .filter(|_| self.phone_verified_at.is_some())
    }
}

/// A user about to be stored; the email is already normalised and the password hashed.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub is_admin: bool,
    /// False only for an account made at `/register`, until its link is opened.
    pub email_confirmed: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum InsertUserError {
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// The columns `User` is read from (a macro so queries stay `&'static str`).
macro_rules! user_columns {
    () => {
        "users.id, users.email, users.name, users.password_hash, users.phone, users.is_admin, \
         users.disabled, users.phone_verified_at, users.two_factor_method, users.session_duration_secs, \
         users.email_confirmed_at, users.language"
    };
}

/// The columns `UserSigningIn` is read from: the user's, their active authenticator key as
/// `app_key`, and how many rooms they administer.
macro_rules! user_signing_in_columns {
    () => {
        concat!(
            $crate::db::users::user_columns!(),
            ", (SELECT active_sealed FROM totp_secrets WHERE totp_secrets.user_id = users.id) AS app_key, \
             (SELECT COUNT(*) FROM room_admins WHERE room_admins.user_id = users.id) AS rooms_administered, \
             (SELECT COUNT(*) FROM passkeys WHERE passkeys.user_id = users.id) AS passkeys"
        )
    };
}
pub(crate) use {user_columns, user_signing_in_columns};

/// Inserts the user and the keys the users search finds their name by (run it in the use
/// case's transaction, so both are written or neither).
#[tracing::instrument(name = "Insert a user", skip_all)]
pub async fn insert_user(
    db: &mut AnyConnection,
    user: &NewUser<'_>,
    now: i64,
) -> Result<i64, InsertUserError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, phone, is_admin, disabled, created_at, updated_at, email_confirmed_at) \
         VALUES ($1, $2, $3, $4, $5, 0, $6, $6, $7) RETURNING id",
    )
    .bind(user.email)
    .bind(user.name)
    .bind(user.password_hash)
    .bind(user.phone)
    .bind(flag(user.is_admin))
    .bind(now)
    .bind(user.email_confirmed.then_some(now))
    .fetch_one(&mut *db)
    .await
    .map_err(|err| match &err {
        DbError::Database(db) if db.is_unique_violation() => InsertUserError::EmailTaken,
        _ => InsertUserError::Db(err),
    })?;
    index_name(db, id, user.name).await?;
    Ok(id)
}

/// Once, after the migration that added the name keys: gives every user stored before it
/// their keys (nothing to do when any key exists, or no user does). Instances starting
/// together may both run it: a key written twice is kept once.
pub async fn index_unindexed_names(db: &super::Db) -> Result<(), DbError> {
    let pending: i64 = sqlx::query_scalar(
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM users) \
         AND NOT EXISTS (SELECT 1 FROM user_name_words) THEN 1 ELSE 0 END",
    )
    .fetch_one(&db.pool)
    .await?;
    if pending == 0 {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    let mut after = 0_i64;
    loop {
        let batch: Vec<(i64, String)> =
            sqlx::query_as("SELECT id, name FROM users WHERE id > $1 ORDER BY id LIMIT 1000")
                .bind(after)
                .fetch_all(&mut *tx)
                .await?;
        let Some((last, _)) = batch.last() else {
            break;
        };
        after = *last;
        for (id, name) in &batch {
            index_name(&mut *tx, *id, name).await?;
        }
    }
    tx.commit().await
}

/// Stores the keys the users search finds this name by (`name_search_keys`).
pub async fn index_name<'e>(db: impl Exec<'e>, user_id: i64, name: &str) -> Result<(), DbError> {
    let keys = name_search_keys(name);
    if keys.is_empty() {
        return Ok(());
    }
    let rows = (0..keys.len())
        .map(|i| format!("(${}, $1)", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    // Only numbered placeholders are put into the text; every value is bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO user_name_words (word, user_id) VALUES {rows} ON CONFLICT DO NOTHING"
    )))
    .bind(user_id);
    for key in keys {
        query = query.bind(key);
    }
    query.execute(db).await?;
    Ok(())
}

pub async fn find_user_by_email<'e>(
    db: impl Exec<'e>,
    email: &str,
) -> Result<Option<User>, DbError> {
    sqlx::query_as(concat!(
        "SELECT ",
        user_columns!(),
        " FROM users WHERE email = $1"
    ))
    .bind(email)
    .fetch_optional(db)
    .await
}

/// A user and their active authenticator key (sealed), in one read: what a sign-in between
/// the password and the code needs.
#[derive(FromRow, Serialize, Deserialize)]
pub struct UserSigningIn {
    #[sqlx(flatten)]
    pub user: User,
    pub app_key: Option<String>,
    /// How many data rooms the user administers (the header links room administrators to
    /// them).
    #[serde(default)]
    pub rooms_administered: i64,
    /// How many passkeys the user has.
    #[serde(default)]
    pub passkeys: i64,
}

pub async fn find_user_signing_in<'e>(
    db: impl Exec<'e>,
    id: i64,
) -> Result<Option<UserSigningIn>, DbError> {
    sqlx::query_as(concat!(
        "SELECT ",
        user_signing_in_columns!(),
        " FROM users WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
}

pub async fn find_user_by_id<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<User>, DbError> {
    sqlx::query_as(concat!(
        "SELECT ",
        user_columns!(),
        " FROM users WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Changes the password; the user's "set your password" links die with the old one
/// (`links::delete_password_links`), in the caller's transaction.
pub async fn update_password_hash(
    db: &mut AnyConnection,
    user_id: i64,
    hash: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now)
        .bind(user_id)
        .execute(&mut *db)
        .await?;
    delete_password_links(db, user_id).await
}

/// Sets the password of an account that has none (one made with a phone number); false
/// when it has one by now (another request set it first). Its "set your password" links
/// die, as at any change of password.
pub async fn set_first_password_hash(
    db: &mut AnyConnection,
    user_id: i64,
    hash: &str,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3 AND password_hash IS NULL",
    )
    .bind(hash)
    .bind(now)
    .bind(user_id)
    .execute(&mut *db)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    delete_password_links(db, user_id).await?;
    Ok(true)
}

/// The usable accounts made with a phone number whose address waiting for its link is
/// `email` (normally one; a few at most are read).
pub async fn find_users_by_pending_email<'e>(
    db: impl Exec<'e>,
    email: &str,
) -> Result<Vec<User>, DbError> {
    sqlx::query_as(concat!(
        "SELECT ",
        user_columns!(),
        " FROM users WHERE pending_email = $1 AND email_confirmed_at IS NULL AND disabled = 0 \
         AND phone_verified_at IS NOT NULL ORDER BY id LIMIT 5"
    ))
    .bind(email)
    .fetch_all(db)
    .await
}

/// Marks the address as confirmed (a link sent to it was opened); a no-op when it was. An
/// account made with a phone number takes the address the link was sent to as its email
/// (unless another account took it meanwhile).
pub async fn confirm_email<'e>(db: impl Exec<'e>, user_id: i64, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET email = CASE WHEN pending_email IS NOT NULL AND NOT EXISTS \
         (SELECT 1 FROM users AS other WHERE other.email = users.pending_email) THEN pending_email ELSE email END, \
         pending_email = NULL, email_confirmed_at = $2, updated_at = $2 WHERE id = $1 AND email_confirmed_at IS NULL",
    )
    .bind(user_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Confirming the address of an account with the password of a later registration (one the
/// person who opened the link typed): that registration's name and password become the
/// account's.
pub async fn replace_unconfirmed_registration(
    db: &mut AnyConnection,
    user_id: i64,
    name: &str,
    hash: &str,
    now: i64,
) -> Result<(), DbError> {
    let replaced = sqlx::query(
        "UPDATE users SET name = $2, password_hash = $3, updated_at = $4 WHERE id = $1 AND email_confirmed_at IS NULL",
    )
    .bind(user_id)
    .bind(name)
    .bind(hash)
    .bind(now)
    .execute(&mut *db)
    .await?;
    if replaced.rows_affected() == 1 {
        delete_password_links(&mut *db, user_id).await?;
        // The users search finds the account by its new name, not the old one.
        sqlx::query("DELETE FROM user_name_words WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *db)
            .await?;
        index_name(db, user_id, name).await?;
    }
    Ok(())
}

/// Makes `method` the active second factor (the other factor's data is kept: switching to
/// the app and back keeps the verified phone).
pub async fn set_two_step_method<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    method: FactorMethod,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET two_factor_method = $1, updated_at = $2 WHERE id = $3")
        .bind(method)
        .bind(now)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Turns on SMS 2-step verification with a number a code was just verified on (also how a
/// phone change lands).
pub async fn enable_sms_two_step<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    phone: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET phone = $1, phone_verified_at = $2, two_factor_method = $3, updated_at = $2 WHERE id = $4",
    )
    .bind(phone)
    .bind(now)
    .bind(FactorMethod::Sms)
    .bind(user_id)
    .execute(db)
    .await?;
    Ok(())
}

/// The phone stops being a second factor; the number stays on the profile.
pub async fn forget_phone_verification<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET phone_verified_at = NULL, updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// No method is active: 2-step verification is off (the factors' own data is the
/// caller's to remove).
pub async fn clear_two_step_method<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET two_factor_method = NULL, updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_session_duration<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    secs: Option<i64>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET session_duration_secs = $1, updated_at = $2 WHERE id = $3")
        .bind(secs)
        .bind(now)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn admin_exists<'e>(db: impl Exec<'e>) -> Result<bool, DbError> {
    let one: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE is_admin = 1 LIMIT 1")
        .fetch_optional(db)
        .await?;
    Ok(one.is_some())
}

/// A session was started for the user at `now` (the users list's "Last sign-in").
pub async fn record_sign_in<'e>(db: impl Exec<'e>, user_id: i64, now: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2")
        .bind(now)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_disabled<'e>(
    db: impl Exec<'e>,
    id: i64,
    disabled: bool,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET disabled = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(flag(disabled))
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_admin<'e>(
    db: impl Exec<'e>,
    id: i64,
    admin: bool,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET is_admin = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(flag(admin))
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

/// Enabled administrators: the last one is never removed nor disabled.
pub async fn count_active_admins<'e>(db: impl Exec<'e>) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND disabled = 0")
        .fetch_one(db)
        .await
}

/// An enabled administrator, as a notice to them all addresses each.
#[derive(Debug, sqlx::FromRow)]
pub struct AdminContact {
    pub id: i64,
    pub name: String,
    pub email: String,
    language: Option<String>,
}

impl AdminContact {
    /// The language the administrator chose, if any.
    pub fn language(&self) -> Option<crate::domain::language::Language> {
        self.language
            .as_deref()
            .and_then(crate::domain::language::Language::parse)
    }
}

/// Enabled administrators: their ids, names, email addresses and languages.
pub async fn active_admins<'e>(db: impl Exec<'e>) -> Result<Vec<AdminContact>, DbError> {
    sqlx::query_as(
        "SELECT id, name, email, language FROM users WHERE is_admin = 1 AND disabled = 0 ORDER BY id",
    )
    .fetch_all(db)
    .await
}

/// The profile phone number, as an administrator enters it (already in E.164). A number
/// other than the verified one is not verified.
pub async fn set_profile_phone<'e>(
    db: impl Exec<'e>,
    id: i64,
    phone: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET phone_verified_at = CASE WHEN phone IS NOT DISTINCT FROM $2 THEN phone_verified_at END, \
         phone = $2, updated_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(phone)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// The account whose owner verified `phone` (the most recently verified, should several
/// have), if any: phone sign-in accepts no other number.
pub async fn find_user_by_verified_phone<'e>(
    db: impl Exec<'e>,
    phone: &str,
) -> Result<Option<User>, DbError> {
    sqlx::query_as(concat!(
        "SELECT ",
        user_columns!(),
        " FROM users WHERE phone = $1 AND phone_verified_at IS NOT NULL \
         ORDER BY phone_verified_at DESC, id DESC LIMIT 1"
    ))
    .bind(phone)
    .fetch_optional(db)
    .await
}

/// An account made with a phone number: the number verified, no password, the typed
/// address pending until its link is opened. `placeholder` is a unique address under
/// `.invalid` that holds the email column meanwhile.
pub async fn insert_phone_user<'e>(
    db: impl Exec<'e>,
    name: &str,
    placeholder: &str,
    pending_email: &str,
    phone: &str,
    now: i64,
) -> Result<i64, DbError> {
    sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, phone, phone_verified_at, is_admin, disabled, created_at, updated_at, email_confirmed_at, pending_email) \
         VALUES ($1, $2, NULL, $3, $4, 0, 0, $4, $4, NULL, $5) RETURNING id",
    )
    .bind(placeholder)
    .bind(name)
    .bind(phone)
    .bind(now)
    .bind(pending_email)
    .fetch_one(db)
    .await
}

/// The address an account made with a phone number is waiting to confirm.
pub async fn pending_email_of<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<String>, DbError> {
    Ok(
        sqlx::query_scalar::<_, Option<String>>("SELECT pending_email FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?
            .flatten(),
    )
}

/// The profile number, verified by a code just entered (it does not change the second
/// factor: a user whose codes go by SMS changes that number on My security settings).
pub async fn set_verified_profile_phone<'e>(
    db: impl Exec<'e>,
    id: i64,
    phone: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET phone = $2, phone_verified_at = $3, updated_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(phone)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

/// Saves the language `user_id` chose (`None`: follow the browser).
pub async fn set_language<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    language: Option<&str>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET language = $1, updated_at = $2 WHERE id = $3")
        .bind(language)
        .bind(now)
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(())
}

/// An account as the administration API shows it.
#[derive(Clone, Debug, FromRow)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub disabled: i64,
    pub two_factor_method: Option<FactorMethod>,
    pub created_at: i64,
    pub last_sign_in_at: Option<i64>,
}

/// The accounts with these ids (at most a page's), in id order: one statement.
pub async fn user_records(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> Result<Vec<UserRecord>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = placeholders(ids.len());
    let sql = format!(
        "SELECT id, email, name, phone, disabled, two_factor_method, created_at, \
         last_sign_in_at FROM users WHERE id IN ({list}) ORDER BY id"
    );
    // Only placeholders are put in; the ids are bound.
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
    for id in ids {
        query = query.bind(*id);
    }
    query.fetch_all(&mut *conn).await
}

/// `$1, $2, …, $n`.
pub(crate) fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Changes the account's name; the users search finds it by the new one.
pub async fn set_name(
    db: &mut AnyConnection,
    user_id: i64,
    name: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET name = $2, updated_at = $3 WHERE id = $1")
        .bind(user_id)
        .bind(name)
        .bind(now)
        .execute(&mut *db)
        .await?;
    sqlx::query("DELETE FROM user_name_words WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *db)
        .await?;
    index_name(db, user_id, name).await
}
