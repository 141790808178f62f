//! What the session records about authentication, and the only code that writes it.
//! Every step that raises trust (password, code, re-authentication) renews the session id.

use actix_session::Session;

use super::errors::AppError;
pub use crate::db::sessions::USER_ID_KEY;

/// When the password was last confirmed (Unix seconds).
const AUTHENTICATED_AT_KEY: &str = "authenticated_at";
/// A user who gave the right password and still owes a code. Nothing of the account is
/// reachable in this state: only `USER_ID_KEY` signs a user in.
const PENDING_USER_KEY: &str = "pending_user_id";
const PENDING_SINCE_KEY: &str = "pending_since";

/// How long a password stays "recently confirmed" for sensitive changes.
pub const REAUTH_WINDOW_SECS: i64 = 10 * 60;
/// How long the second step may take after the password.
pub const PENDING_TTL_SECS: i64 = 10 * 60;

fn store_error(err: impl std::fmt::Display) -> AppError {
    AppError::Unexpected(anyhow::anyhow!("storing the session: {err}"))
}

/// Signs the user in under a new session id.
pub fn sign_in(session: &Session, user_id: i64, now: i64) -> Result<(), AppError> {
    session.renew();
    session.remove(PENDING_USER_KEY);
    session.remove(PENDING_SINCE_KEY);
    session.insert(USER_ID_KEY, user_id).map_err(store_error)?;
    session
        .insert(AUTHENTICATED_AT_KEY, now)
        .map_err(store_error)
}

/// Records that the password was right and a code is still owed.
pub fn start_second_step(session: &Session, user_id: i64, now: i64) -> Result<(), AppError> {
    session.renew();
    session.remove(USER_ID_KEY);
    session
        .insert(PENDING_USER_KEY, user_id)
        .map_err(store_error)?;
    session.insert(PENDING_SINCE_KEY, now).map_err(store_error)
}

/// The user between the two steps, if the password was given recently enough.
pub fn pending_user(session: &Session, now: i64) -> Option<i64> {
    let user_id = session.get::<i64>(PENDING_USER_KEY).ok().flatten()?;
    let since = session.get::<i64>(PENDING_SINCE_KEY).ok().flatten()?;
    (now < since + PENDING_TTL_SECS).then_some(user_id)
}

/// Records a re-entered password under a new session id.
pub fn confirm_password(session: &Session, now: i64) -> Result<(), AppError> {
    session.renew();
    session
        .insert(AUTHENTICATED_AT_KEY, now)
        .map_err(store_error)
}

/// True when the password was confirmed within the re-authentication window.
pub fn recently_authenticated(session: &Session, now: i64) -> bool {
    session
        .get::<i64>(AUTHENTICATED_AT_KEY)
        .ok()
        .flatten()
        .is_some_and(|at| now - at < REAUTH_WINDOW_SECS)
}

/// A fresh set of recovery codes, sealed, kept until the user says they saved them.
const FRESH_RECOVERY_CODES_KEY: &str = "fresh_recovery_codes";

pub fn hold_recovery_codes(session: &Session, sealed: String) -> Result<(), AppError> {
    session
        .insert(FRESH_RECOVERY_CODES_KEY, sealed)
        .map_err(store_error)
}

pub fn held_recovery_codes(session: &Session) -> Option<String> {
    session
        .get::<String>(FRESH_RECOVERY_CODES_KEY)
        .ok()
        .flatten()
}

pub fn release_recovery_codes(session: &Session) {
    session.remove(FRESH_RECOVERY_CODES_KEY);
}
