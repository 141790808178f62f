//! SMS challenges and the sends that made them.
//!
//! Limits and attempt counting must hold when requests race, on either backend and across
//! instances:
//! - a send is reserved in one transaction that checks every limit and records the send;
//!   reservations take turns (a self-conflicting table lock on PostgreSQL, the write lock
//!   taken up front on SQLite);
//! - a wrong attempt is counted by one conditional UPDATE that stops at the maximum, and a
//!   code is consumed by one conditional UPDATE, so a code raced twice is accepted once.

use sqlx::{Any, FromRow, Transaction};

use super::{Backend, Db, DbError};
use crate::domain::codes::{MAX_ATTEMPTS, Purpose};

#[derive(Clone, Debug, FromRow)]
pub struct Challenge {
    pub id: i64,
    pub phone: String,
    pub code_mac: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub attempts: i64,
    pub consumed_at: Option<i64>,
}

/// The limits on sending codes (PRODUCT.md, "Numbers").
#[derive(Clone, Copy, Debug)]
pub struct SendLimits {
    pub cooldown_secs: i64,
    pub per_user_per_hour: i64,
    pub per_phone_per_day: i64,
    pub per_ip_per_hour: i64,
}

/// Why a send was refused before anything went out.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Too soon after the last code; a new one may be sent at this instant.
    Cooldown {
        next_at: i64,
    },
    UserHourly,
    PhoneDaily,
    IpHourly,
}

pub struct NewChallenge<'a> {
    pub user_id: i64,
    pub purpose: Purpose,
    pub phone: &'a str,
    pub code_mac: &'a str,
    pub ip: &'a str,
    pub expires_at: i64,
}

/// The rows a reservation wrote, so a send the provider refused can be undone.
#[derive(Clone, Copy, Debug)]
pub struct Reservation {
    pub send_id: i64,
    pub challenge_id: i64,
}

#[derive(Debug, thiserror::Error)]
pub enum ReserveError {
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Checks every limit, records the send, and replaces the user's earlier codes for this
/// purpose with the new one, all at once.
pub async fn reserve_send(
    db: &Db,
    challenge: &NewChallenge<'_>,
    limits: SendLimits,
    now: i64,
) -> Result<Reservation, ReserveError> {
    // Its reads decide its writes, so reservations take turns. SQLite: take the write lock
    // up front, so a concurrent writer makes it wait (busy timeout) rather than fail on
    // upgrading a read lock. PostgreSQL: a table lock that conflicts with itself, held to
    // commit, serialises reservations across instances without retries (SERIALIZABLE
    // gave up under a burst of sign-ins from one address, whose counts all overlap).
    let mut tx = match db.backend {
        Backend::Sqlite => db.pool.begin_with("BEGIN IMMEDIATE").await?,
        Backend::Postgres => {
            let mut tx = db.pool.begin().await?;
            sqlx::query("LOCK TABLE sms_sends IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
            tx
        }
    };
    if let Some(refusal) = check_limits(&mut tx, challenge, limits, now).await? {
        return Err(ReserveError::Refused(refusal));
    }
    let send_id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_sends (user_id, purpose, phone, ip, at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(challenge.user_id)
    .bind(challenge.purpose.as_str())
    .bind(challenge.phone)
    .bind(challenge.ip)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    // Only the newest code for a purpose works.
    sqlx::query("DELETE FROM sms_challenges WHERE user_id = $1 AND purpose = $2")
        .bind(challenge.user_id)
        .bind(challenge.purpose.as_str())
        .execute(&mut *tx)
        .await?;
    let challenge_id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_challenges (user_id, purpose, phone, code_mac, created_at, expires_at, attempts) \
         VALUES ($1, $2, $3, $4, $5, $6, 0) RETURNING id",
    )
    .bind(challenge.user_id)
    .bind(challenge.purpose.as_str())
    .bind(challenge.phone)
    .bind(challenge.code_mac)
    .bind(now)
    .bind(challenge.expires_at)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Reservation {
        send_id,
        challenge_id,
    })
}

async fn check_limits(
    tx: &mut Transaction<'static, Any>,
    challenge: &NewChallenge<'_>,
    limits: SendLimits,
    now: i64,
) -> Result<Option<Refusal>, DbError> {
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(at) FROM sms_sends WHERE user_id = $1 AND purpose = $2")
            .bind(challenge.user_id)
            .bind(challenge.purpose.as_str())
            .fetch_one(&mut **tx)
            .await?;
    if let Some(last) = last
        && now < last + limits.cooldown_secs
    {
        return Ok(Some(Refusal::Cooldown {
            next_at: last + limits.cooldown_secs,
        }));
    }
    let by_user: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sms_sends WHERE user_id = $1 AND at > $2")
            .bind(challenge.user_id)
            .bind(now - 3600)
            .fetch_one(&mut **tx)
            .await?;
    if by_user >= limits.per_user_per_hour {
        return Ok(Some(Refusal::UserHourly));
    }
    let by_phone: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sms_sends WHERE phone = $1 AND at > $2")
            .bind(challenge.phone)
            .bind(now - 24 * 3600)
            .fetch_one(&mut **tx)
            .await?;
    if by_phone >= limits.per_phone_per_day {
        return Ok(Some(Refusal::PhoneDaily));
    }
    let by_ip: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sms_sends WHERE ip = $1 AND at > $2")
        .bind(challenge.ip)
        .bind(now - 3600)
        .fetch_one(&mut **tx)
        .await?;
    if by_ip >= limits.per_ip_per_hour {
        return Ok(Some(Refusal::IpHourly));
    }
    Ok(None)
}

/// Undoes a reservation whose message the provider did not take: the send does not count
/// and "Send again" works at once.
pub async fn cancel_reservation(db: &Db, reservation: Reservation) -> Result<(), DbError> {
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM sms_sends WHERE id = $1")
        .bind(reservation.send_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sms_challenges WHERE id = $1")
        .bind(reservation.challenge_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// The user's newest code for a purpose, used or not.
pub async fn latest_challenge(
    db: &Db,
    user_id: i64,
    purpose: Purpose,
) -> Result<Option<Challenge>, DbError> {
    sqlx::query_as(
        "SELECT id, phone, code_mac, created_at, expires_at, attempts, consumed_at FROM sms_challenges \
         WHERE user_id = $1 AND purpose = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(user_id)
    .bind(purpose.as_str())
    .fetch_optional(&db.pool)
    .await
}

/// When the user last had a code sent for this purpose.
pub async fn last_send_at(db: &Db, user_id: i64, purpose: Purpose) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar("SELECT MAX(at) FROM sms_sends WHERE user_id = $1 AND purpose = $2")
        .bind(user_id)
        .bind(purpose.as_str())
        .fetch_one(&db.pool)
        .await
}

/// Marks the code used if it is still usable; true for exactly one caller.
pub async fn consume_challenge(db: &Db, id: i64, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE sms_challenges SET consumed_at = $1 \
         WHERE id = $2 AND consumed_at IS NULL AND attempts < $3 AND expires_at > $1",
    )
    .bind(now)
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a wrong attempt unless the code is already dead; returns the new count, or
/// `None` when it was not counted (dead, used or gone).
pub async fn record_wrong_attempt(db: &Db, id: i64) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar(
        "UPDATE sms_challenges SET attempts = attempts + 1 \
         WHERE id = $1 AND consumed_at IS NULL AND attempts < $2 RETURNING attempts",
    )
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .fetch_optional(&db.pool)
    .await
}

pub async fn purge_challenges_before(db: &Db, cutoff: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sms_challenges WHERE expires_at <= $1")
        .bind(cutoff)
        .execute(&db.pool)
        .await?;
    sqlx::query("DELETE FROM sms_sends WHERE at <= $1")
        .bind(cutoff - 24 * 3600)
        .execute(&db.pool)
        .await?;
    Ok(())
}
