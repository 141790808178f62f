//! Server-side sessions behind actix-session's `SessionStore`, in the portal's own database
//! so no Redis is needed and every instance sees every session.
//!
//! The session key in the cookie is 64 random alphanumeric characters (over 380 bits); the
//! table keeps only its SHA-256 digest. What the active-sessions list shows (owner, public
//! id, times, address, browser) and the absolute expiry are copied out of the state into
//! columns, so sessions can be listed and ended without opening their state.

use std::cell::Cell;
use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;
use anyhow::Context;
use rand::Rng;
use rand::distributions::Alphanumeric;
use sha2::{Digest, Sha256};

use sqlx::{FromRow, Row};

use super::users::{UserSigningIn, user_signing_in_columns};
use super::{Db, DbError, Exec};
use crate::clock::Clock;

/// The session-state entry that holds the signed-in user's id.
pub const USER_ID_KEY: &str = "user_id";
/// A user who gave the right password and still owes a code. Nothing of the account is
/// reachable in this state: only `USER_ID_KEY` signs a user in.
pub const PENDING_USER_KEY: &str = "pending_user_id";
/// A random id that names the session in lists and forms (never the key).
pub const PUBLIC_ID_KEY: &str = "sid";
pub const SIGNED_IN_AT_KEY: &str = "signed_in_at";
/// When the session ends on the server, whatever happens (Unix seconds).
pub const EXPIRES_AT_KEY: &str = "expires_at";
pub const LAST_SEEN_KEY: &str = "last_seen";
pub const IP_KEY: &str = "ip";
pub const USER_AGENT_KEY: &str = "user_agent";
/// An administrator ended this session (reset, sign out everywhere, disabled account).
pub const SIGNED_OUT_BY_ADMIN_KEY: &str = "signed_out_by_admin";

/// Where `load` puts the session's user (signed in, or between the password and the
/// code), read in the same statement as the state: a request needs one query to know who
/// it is. JSON of a `UserSigningIn`; never stored (`save` and `update` drop it).
pub const LOADED_USER_KEY: &str = "_loaded_user";

/// A signed-in session as the user's list shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionSummary {
    pub public_id: String,
    pub signed_in_at: Option<i64>,
    pub last_seen_at: Option<i64>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

type SessionState = HashMap<String, String>;

#[derive(Clone)]
pub struct DbSessionStore {
    db: Db,
    clock: Clock,
}

impl DbSessionStore {
    pub fn new(db: Db, clock: Clock) -> Self {
        Self { db, clock }
    }

    fn expiry(&self, ttl: &Duration) -> i64 {
        self.clock.now().saturating_add(ttl.whole_seconds())
    }

    /// The state's own expiry when it has one (it always does once signed in), else the
    /// store's time-to-live.
    fn columns(&self, state: &SessionState, ttl: &Duration) -> Columns {
        Columns {
            user_id: user_id_of(state),
            public_id: entry(state, PUBLIC_ID_KEY),
            signed_in_at: entry(state, SIGNED_IN_AT_KEY),
            last_seen_at: entry(state, LAST_SEEN_KEY),
            ip: entry(state, IP_KEY),
            user_agent: entry(state, USER_AGENT_KEY),
            expires_at: entry(state, EXPIRES_AT_KEY).unwrap_or_else(|| self.expiry(ttl)),
        }
    }
}

fn digest(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

fn new_session_key() -> SessionKey {
    let key: String = rand::rngs::OsRng
        .sample_iter(&Alphanumeric)
        .take(64)
        .map(char::from)
        .collect();
    SessionKey::try_from(key).expect("64 characters is a valid session key")
}

/// Reads one entry of the state (actix-session keeps each value as JSON).
fn entry<T: serde::de::DeserializeOwned>(state: &SessionState, key: &str) -> Option<T> {
    state
        .get(key)
        .and_then(|raw| serde_json::from_str(raw).ok())
}

/// The user a session belongs to: signed in, or between the password and the code (so a
/// password change or "Sign out all other sessions" ends a half-finished sign-in too).
fn user_id_of(state: &SessionState) -> Option<i64> {
    entry(state, USER_ID_KEY).or_else(|| entry(state, PENDING_USER_KEY))
}

/// The columns copied out of a session's state.
struct Columns {
    user_id: Option<i64>,
    public_id: Option<String>,
    signed_in_at: Option<i64>,
    last_seen_at: Option<i64>,
    ip: Option<String>,
    user_agent: Option<String>,
    expires_at: i64,
}

impl SessionStore for DbSessionStore {
    async fn load(&self, session_key: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        let row = sqlx::query(concat!(
            "SELECT sessions.state, ",
            user_signing_in_columns!(),
            " FROM sessions LEFT JOIN users ON users.id = sessions.user_id \
             WHERE sessions.id = $1 AND sessions.expires_at > $2"
        ))
        .bind(digest(session_key.as_ref()))
        .bind(self.clock.now())
        .fetch_optional(&self.db.pool)
        .await;
        // Out of reach: no session, noted as an outage, so the portal answers 503 before
        // anything reads the empty session (actix-session would make an error a 500).
        let row = match row {
            Err(err) if super::is_outage(&err) => {
                note_outage();
                return Ok(None);
            }
            row => row.map_err(|err| LoadError::Other(store_error(err)))?,
        };
        let Some(row) = row else {
            return Ok(None);
        };
        let read = |err: sqlx::Error| LoadError::Other(store_error(err));
        let text: String = row.try_get("state").map_err(read)?;
        let mut state: SessionState =
            serde_json::from_str(&text).map_err(|err| LoadError::Deserialization(err.into()))?;
        // No user: none was named, or the account is gone.
        if row.try_get::<Option<i64>, _>("id").map_err(read)?.is_some() {
            let user = UserSigningIn::from_row(&row).map_err(read)?;
            let json = serde_json::to_string(&user)
                .map_err(|err| LoadError::Deserialization(err.into()))?;
            state.insert(LOADED_USER_KEY.to_owned(), json);
        }
        Ok(Some(state))
    }

    async fn save(&self, mut state: SessionState, ttl: &Duration) -> Result<SessionKey, SaveError> {
        state.remove(LOADED_USER_KEY);
        let body =
            serde_json::to_string(&state).map_err(|err| SaveError::Serialization(err.into()))?;
        let key = new_session_key();
        let columns = self.columns(&state, ttl);
        let _turn = self.db.write_turn().await;
        sqlx::query(
            "INSERT INTO sessions (id, user_id, state, created_at, expires_at, public_id, signed_in_at, last_seen_at, ip, user_agent) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(digest(key.as_ref()))
        .bind(columns.user_id)
        .bind(body)
        .bind(self.clock.now())
        .bind(columns.expires_at)
        .bind(columns.public_id)
        .bind(columns.signed_in_at)
        .bind(columns.last_seen_at)
        .bind(columns.ip)
        .bind(columns.user_agent)
        .execute(&self.db.pool)
        .await
        .map_err(|err| SaveError::Other(store_error(err)))?;
        Ok(key)
    }

    async fn update(
        &self,
        session_key: SessionKey,
        mut state: SessionState,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        state.remove(LOADED_USER_KEY);
        let body =
            serde_json::to_string(&state).map_err(|err| UpdateError::Serialization(err.into()))?;
        let columns = self.columns(&state, ttl);
        let turn = self.db.write_turn().await;
        let updated = sqlx::query(
            "UPDATE sessions SET state = $1, user_id = $2, expires_at = $3, public_id = $4, signed_in_at = $5, \
             last_seen_at = $6, ip = $7, user_agent = $8 WHERE id = $9 AND expires_at > $10",
        )
        .bind(body)
        .bind(columns.user_id)
        .bind(columns.expires_at)
        .bind(columns.public_id)
        .bind(columns.signed_in_at)
        .bind(columns.last_seen_at)
        .bind(columns.ip)
        .bind(columns.user_agent)
        .bind(digest(session_key.as_ref()))
        .bind(self.clock.now())
        .execute(&self.db.pool)
        .await
        .map_err(|err| UpdateError::Other(store_error(err)))?
        .rows_affected();
        drop(turn);
        if updated == 1 {
            return Ok(session_key);
        }
        // The session was ended elsewhere (sign-out, password change) while this request
        // ran: its key and its sign-in are not brought back; the browser gets a fresh,
        // empty session.
        self.save(SessionState::new(), ttl)
            .await
            .map_err(|err| match err {
                SaveError::Serialization(err) => UpdateError::Serialization(err),
                SaveError::Other(err) => UpdateError::Other(err),
            })
    }

    /// Only called under a "extend on every request" policy, which Twostep does not use:
    /// a session's end is fixed in its state. Kept correct all the same: never later than
    /// that end.
    async fn update_ttl(&self, session_key: &SessionKey, ttl: &Duration) -> anyhow::Result<()> {
        let _turn = self.db.write_turn().await;
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE id = $2 AND public_id IS NULL")
            .bind(self.expiry(ttl))
            .bind(digest(session_key.as_ref()))
            .execute(&self.db.pool)
            .await
            .map_err(store_error)
            .context("extending a session")?;
        Ok(())
    }

    async fn delete(&self, session_key: &SessionKey) -> anyhow::Result<()> {
        let _turn = self.db.write_turn().await;
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(digest(session_key.as_ref()))
            .execute(&self.db.pool)
            .await
            .map_err(store_error)
            .context("deleting a session")?;
        Ok(())
    }
}

tokio::task_local! {
    /// Set when the store met a database outage during the request being served.
    static OUTAGE_SEEN: Cell<bool>;
}

/// Runs `request`, reporting whether the session store met a database outage while it
/// ran. actix-session turns every store error into an opaque 500; this lets the portal
/// answer 503, "try again in a moment", instead (`web::middleware::outage`).
pub async fn noting_store_outages<F: Future>(request: F) -> (F::Output, bool) {
    OUTAGE_SEEN
        .scope(Cell::new(false), async {
            let output = request.await;
            (output, OUTAGE_SEEN.with(Cell::get))
        })
        .await
}

/// Whether the store has met a database outage in the request being served.
pub fn store_outage_seen() -> bool {
    OUTAGE_SEEN.try_with(Cell::get).unwrap_or(false)
}

fn note_outage() {
    // Outside `noting_store_outages` (a test calling the store) there is nothing to tell.
    let _ = OUTAGE_SEEN.try_with(|seen| seen.set(true));
}

/// A store error for actix-session, noted first if it is an outage.
fn store_error(err: DbError) -> anyhow::Error {
    if super::is_outage(&err) {
        note_outage();
    }
    err.into()
}

/// Ends every session of a user on the server (password change, later: reset, disable).
pub async fn delete_sessions_of_user<'e>(db: impl Exec<'e>, user_id: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// Ends every session of a user on an administrator's word: each stays only as an
/// anonymous session that remembers why it ended, for a day at most, so the browser's next
/// sign-in page can say an administrator signed it out. Nothing of the account is left in
/// it (no user, no public id), and signing in again starts a new session with a new key.
pub async fn end_sessions_by_administrator<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    now: i64,
) -> Result<u64, DbError> {
    let state = serde_json::json!({ SIGNED_OUT_BY_ADMIN_KEY: "true" }).to_string();
    let done = sqlx::query(
        "UPDATE sessions SET user_id = NULL, state = $2, public_id = NULL, signed_in_at = NULL, \
         last_seen_at = NULL, ip = NULL, user_agent = NULL, \
         expires_at = CASE WHEN expires_at < $3 THEN expires_at ELSE $3 END \
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(state)
    .bind(now + 86_400)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

/// The user's live sessions, most recently used first.
pub async fn list_sessions<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    now: i64,
) -> Result<Vec<SessionSummary>, DbError> {
    sqlx::query_as(
        "SELECT public_id, signed_in_at, last_seen_at, ip, user_agent FROM sessions \
         WHERE user_id = $1 AND expires_at > $2 AND public_id IS NOT NULL ORDER BY last_seen_at DESC",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(db)
    .await
}

/// Ends one of the user's sessions, named by its public id.
pub async fn delete_session<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    public_id: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND public_id = $2")
        .bind(user_id)
        .bind(public_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Ends every session of the user but the one named.
pub async fn delete_other_sessions<'e>(
    db: impl Exec<'e>,
    user_id: i64,
    keep_public_id: &str,
) -> Result<u64, DbError> {
    let done = sqlx::query(
        "DELETE FROM sessions WHERE user_id = $1 AND (public_id IS NULL OR public_id <> $2)",
    )
    .bind(user_id)
    .bind(keep_public_id)
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

pub async fn purge_expired_sessions<'e>(db: impl Exec<'e>, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_keys_are_long_and_distinct() {
        let a = new_session_key();
        let b = new_session_key();
        assert_eq!(a.as_ref().len(), 64);
        assert_ne!(a, b);
    }

    #[test]
    fn the_user_id_is_read_from_the_state() {
        let mut state = SessionState::new();
        assert_eq!(user_id_of(&state), None);
        state.insert(PENDING_USER_KEY.into(), "7".into());
        assert_eq!(
            user_id_of(&state),
            Some(7),
            "a half-finished sign-in is the user's"
        );
        state.insert(USER_ID_KEY.into(), "42".into());
        assert_eq!(user_id_of(&state), Some(42));
    }
}
