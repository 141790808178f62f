//! Server-side sessions behind actix-session's `SessionStore`, in the portal's own database
//! so no Redis is needed and every instance sees every session.
//!
//! The session key in the cookie is 64 random alphanumeric characters (over 380 bits); the
//! table keeps only its SHA-256 digest. The owning user id is copied out of the state into a
//! column so all sessions of a user can be ended at once.

use std::collections::HashMap;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;
use anyhow::Context;
use rand::Rng;
use rand::distributions::Alphanumeric;
use sha2::{Digest, Sha256};

use super::{Db, DbError};
use crate::clock::Clock;

/// The session-state entry that holds the signed-in user's id.
pub const USER_ID_KEY: &str = "user_id";

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

fn user_id_of(state: &SessionState) -> Option<i64> {
    state
        .get(USER_ID_KEY)
        .and_then(|raw| serde_json::from_str(raw).ok())
}

impl SessionStore for DbSessionStore {
    async fn load(&self, session_key: &SessionKey) -> Result<Option<SessionState>, LoadError> {
        let state: Option<String> =
            sqlx::query_scalar("SELECT state FROM sessions WHERE id = $1 AND expires_at > $2")
                .bind(digest(session_key.as_ref()))
                .bind(self.clock.now())
                .fetch_optional(&self.db.pool)
                .await
                .map_err(|err| LoadError::Other(err.into()))?;
        state
            .map(|text| serde_json::from_str(&text))
            .transpose()
            .map_err(|err| LoadError::Deserialization(err.into()))
    }

    async fn save(&self, state: SessionState, ttl: &Duration) -> Result<SessionKey, SaveError> {
        let body =
            serde_json::to_string(&state).map_err(|err| SaveError::Serialization(err.into()))?;
        let key = new_session_key();
        sqlx::query(
            "INSERT INTO sessions (id, user_id, state, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(digest(key.as_ref()))
        .bind(user_id_of(&state))
        .bind(body)
        .bind(self.clock.now())
        .bind(self.expiry(ttl))
        .execute(&self.db.pool)
        .await
        .map_err(|err| SaveError::Other(err.into()))?;
        Ok(key)
    }

    async fn update(
        &self,
        session_key: SessionKey,
        state: SessionState,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        let body =
            serde_json::to_string(&state).map_err(|err| UpdateError::Serialization(err.into()))?;
        let updated = sqlx::query(
            "UPDATE sessions SET state = $1, user_id = $2, expires_at = $3 WHERE id = $4 AND expires_at > $5",
        )
        .bind(body)
        .bind(user_id_of(&state))
        .bind(self.expiry(ttl))
        .bind(digest(session_key.as_ref()))
        .bind(self.clock.now())
        .execute(&self.db.pool)
        .await
        .map_err(|err| UpdateError::Other(err.into()))?
        .rows_affected();
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

    async fn update_ttl(&self, session_key: &SessionKey, ttl: &Duration) -> anyhow::Result<()> {
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE id = $2")
            .bind(self.expiry(ttl))
            .bind(digest(session_key.as_ref()))
            .execute(&self.db.pool)
            .await
            .context("extending a session")?;
        Ok(())
    }

    async fn delete(&self, session_key: &SessionKey) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(digest(session_key.as_ref()))
            .execute(&self.db.pool)
            .await
            .context("deleting a session")?;
        Ok(())
    }
}

/// Ends every session of a user on the server (password change, later: reset, disable).
pub async fn delete_sessions_of_user(db: &Db, user_id: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}

pub async fn purge_expired_sessions(db: &Db, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&db.pool)
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
        state.insert(USER_ID_KEY.into(), "42".into());
        assert_eq!(user_id_of(&state), Some(42));
    }
}
