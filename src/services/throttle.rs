//! Attempt limits that hold under concurrency: an attempt is reserved (counted and
//! recorded in one exclusive transaction) before the expensive or secret check runs, and
//! released when it succeeds. Keys are HMACs under the secret key, so what was typed is
//! never stored.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::Services;
use crate::db::throttle::{
    attempts_since, delete_attempts, insert_attempt, purge_attempts_before, reserve_attempts,
};
use crate::db::{DbError, Tx};

/// Wrong authenticator or recovery codes allowed per user in 15 minutes.
pub const MAX_WRONG_CODES: i64 = 10;
pub const WRONG_CODE_WINDOW_SECS: i64 = 15 * 60;
/// Accounts one address may try to create per throttle window; bounds probing.
pub const REGISTRATIONS_PER_IP: i64 = 20;

/// One limit: at most `max` attempts under `key` in the window.
pub struct Limit {
    key: String,
    max: i64,
}

/// An attempt counted against its limits; release it when the attempt succeeds.
#[must_use]
pub struct Attempt {
    ids: Vec<i64>,
}

impl Services {
    /// The stored key of a limit: "what" ("password-account", "password-ip", "totp"…) and
    /// whose, under the secret key.
    pub(crate) fn limit(&self, what: &str, whose: &str, max: i64) -> Limit {
        let mut mac = Hmac::<Sha256>::new_from_slice(self.mac_key()).expect("HMAC takes any key");
        for part in ["twostep attempt limit", what, whose] {
            mac.update(part.as_bytes());
            mac.update(b"\0");
        }
        Limit {
            key: hex::encode(mac.finalize().into_bytes()),
            max,
        }
    }

    /// The limits of a password check: per account (by the email typed) and per address.
    pub(crate) fn password_limits(&self, email: &str, ip: &str) -> [Limit; 2] {
        [
            self.limit(
                "password-account",
                email,
                self.settings.max_failures_per_account,
            ),
            self.limit("password-ip", ip, self.settings.max_failures_per_ip),
        ]
    }

    /// Reserves one password check for the account with `email`, from `origin`, under the
    /// sign-in limits; `None` when a limit is reached.
    pub(crate) async fn reserve_password_attempt(
        &self,
        email: &str,
        origin: &crate::db::audit::Origin,
    ) -> Result<Option<Attempt>, DbError> {
        let ip = origin.ip.as_deref().unwrap_or_default();
        self.reserve_attempt(
            &self.password_limits(email, ip),
            self.settings.throttle_window_secs,
        )
        .await
    }

    /// Counts and records one attempt under every limit at once, or refuses it (`None`)
    /// when any limit is reached. Concurrent callers sharing a key take turns.
    pub(crate) async fn reserve_attempt(
        &self,
        limits: &[Limit],
        window_secs: i64,
    ) -> Result<Option<Attempt>, DbError> {
        let (tx, attempt) = self.begin_reserved(limits, window_secs).await?;
        if attempt.is_some() {
            tx.commit().await?;
        }
        Ok(attempt)
    }

    /// As `reserve_attempt`, leaving the transaction open for the caller's reads and
    /// writes under the limits' lock; the reservation holds once it commits.
    pub(crate) async fn begin_reserved(
        &self,
        limits: &[Limit],
        window_secs: i64,
    ) -> Result<(Tx, Option<Attempt>), DbError> {
        let keys: Vec<&str> = limits.iter().map(|limit| limit.key.as_str()).collect();
        let mut tx = self.db.begin_exclusive(&keys).await?;
        let now = self.clock.now();
        let maxima: Vec<(&str, i64)> = limits
            .iter()
            .map(|limit| (limit.key.as_str(), limit.max))
            .collect();
        let ids = reserve_attempts(&mut *tx, &maxima, now - window_secs, now).await?;
        let attempt = (!ids.is_empty()).then_some(Attempt { ids });
        Ok((tx, attempt))
    }

    /// For checks cheap enough to run under the limit's lock (a code, not a password hash):
    /// begins an exclusive transaction on the limit, or `None` when it is reached. A wrong
    /// attempt is then counted with `count_failure` in the same transaction; a right one
    /// writes nothing to the limit.
    pub(crate) async fn begin_limited(
        &self,
        limit: &Limit,
        window_secs: i64,
    ) -> Result<Option<Tx>, DbError> {
        let mut tx = self.db.begin_exclusive(&[&limit.key]).await?;
        let since = self.clock.now() - window_secs;
        if attempts_since(&mut *tx, &limit.key, since).await? >= limit.max {
            return Ok(None);
        }
        Ok(Some(tx))
    }

    pub(crate) async fn count_failure(&self, tx: &mut Tx, limit: &Limit) -> Result<(), DbError> {
        insert_attempt(&mut **tx, &limit.key, self.clock.now()).await
    }

    /// The attempt succeeded: it no longer counts against the limits.
    pub(crate) async fn release_attempt(
        &self,
        tx: &mut Tx,
        attempt: Attempt,
    ) -> Result<(), DbError> {
        delete_attempts(&mut **tx, &attempt.ids).await
    }

    /// Forgets attempts older than a day (the longest window).
    pub async fn purge_old_attempts(&self) -> Result<u64, DbError> {
        purge_attempts_before(&self.db.pool, self.clock.now() - 24 * 60 * 60).await
    }
}
