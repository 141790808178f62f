//! SMS challenges and the sends that made them, keyed by a subject (`Subject::key`).
//!
//! Limits and attempt counting must hold when requests race, on either backend and across
//! instances:
//! - a send is reserved in one exclusive transaction (`Db::begin_exclusive`) that checks
//!   every limit and records the send;
//! - a wrong attempt is counted by one conditional UPDATE that stops at the maximum, and a
//!   code is consumed by one conditional UPDATE, so a code raced twice is accepted once.

use sqlx::FromRow;

use sqlx::AnyConnection;

use super::{DbError, Exec, Tx};
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
    /// Codes per hour for one account (every subject of it), or one number with no account.
    pub per_subject_per_hour: i64,
    /// Codes one subject may have sent to one number per day.
    pub per_phone_per_day: i64,
    /// Risky codes (to a number the sender has not verified) one number may receive per
    /// day, across every subject.
    pub risky_per_phone_per_day: i64,
    pub per_ip_per_hour: i64,
}

/// Why a send was refused before anything went out, and when the next send can be asked
/// for (`next_at`, Unix seconds): the cooldown's end, or when the oldest send still in the
/// full window leaves it.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Too soon after the last code.
    Cooldown {
        next_at: i64,
    },
    SubjectHourly {
        next_at: i64,
    },
    PhoneDaily {
        next_at: i64,
    },
    IpHourly {
        next_at: i64,
    },
}

impl Refusal {
    pub fn next_at(&self) -> i64 {
        match self {
            Self::Cooldown { next_at }
            | Self::SubjectHourly { next_at }
            | Self::PhoneDaily { next_at }
            | Self::IpHourly { next_at } => *next_at,
        }
    }
}

/// Who asks for a code, to whom: what the limits are counted by.
pub struct Sender<'a> {
    pub subject: &'a str,
    /// The account the code is for, when there is one: its hourly and per-number limits
    /// count every code for the account, whatever the subject (sign-in, each room).
    pub user_id: Option<i64>,
    pub purpose: Purpose,
    pub phone: &'a str,
    pub ip: &'a str,
    /// To a number the sender has not verified.
    pub risky: bool,
}

pub struct NewChallenge<'a> {
    pub subject: &'a str,
    pub user_id: Option<i64>,
    pub purpose: Purpose,
    pub phone: &'a str,
    pub code_mac: &'a str,
    pub ip: &'a str,
    /// To a number the sender has not verified.
    pub risky: bool,
    pub expires_at: i64,
}

/// The rows a reservation wrote, so a send the provider refused can be undone.
#[derive(Clone, Copy, Debug)]
pub struct Reservation {
    pub send_id: i64,
    pub challenge_id: i64,
}

/// Checks every limit, records the send, and replaces the subject's earlier codes for this
/// purpose with the new one. Runs inside an exclusive transaction of the caller's.
pub async fn reserve_send(
    tx: &mut Tx,
    challenge: &NewChallenge<'_>,
    limits: SendLimits,
    now: i64,
) -> Result<Result<Reservation, Refusal>, DbError> {
    let sender = Sender {
        subject: challenge.subject,
        user_id: challenge.user_id,
        purpose: challenge.purpose,
        phone: challenge.phone,
        ip: challenge.ip,
        risky: challenge.risky,
    };
    if let Some(refusal) = check_limits(tx, &sender, limits, now).await? {
        return Ok(Err(refusal));
    }
    let send_id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_sends (subject, user_id, purpose, phone, ip, risky, at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(challenge.subject)
    .bind(challenge.user_id)
    .bind(challenge.purpose.as_str())
    .bind(challenge.phone)
    .bind(challenge.ip)
    .bind(super::flag(challenge.risky))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    // Only the newest code for a purpose works.
    sqlx::query("DELETE FROM sms_challenges WHERE subject = $1 AND purpose = $2")
        .bind(challenge.subject)
        .bind(challenge.purpose.as_str())
        .execute(&mut **tx)
        .await?;
    let challenge_id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_challenges (subject, user_id, purpose, phone, code_mac, created_at, expires_at, attempts) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0) RETURNING id",
    )
    .bind(challenge.subject)
    .bind(challenge.user_id)
    .bind(challenge.purpose.as_str())
    .bind(challenge.phone)
    .bind(challenge.code_mac)
    .bind(now)
    .bind(challenge.expires_at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Ok(Reservation {
        send_id,
        challenge_id,
    }))
}

/// A value `in_window` binds.
enum Bind<'a> {
    Text(&'a str),
    Id(i64),
}

/// How many sends `sql` counts in a window, and when the oldest of them leaves it.
async fn in_window(
    conn: &mut AnyConnection,
    sql: &'static str,
    binds: &[Bind<'_>],
    since: i64,
    window: i64,
) -> Result<(i64, i64), DbError> {
    let mut query = sqlx::query_as::<_, (i64, Option<i64>)>(sql);
    for bind in binds {
        query = match bind {
            Bind::Text(text) => query.bind(*text),
            Bind::Id(id) => query.bind(*id),
        };
    }
    let (count, oldest) = query.bind(since).fetch_one(&mut *conn).await?;
    Ok((count, oldest.unwrap_or(since) + window))
}

/// The refusal a send by `sender` would meet now, if any. Read-only: a caller that goes on
/// to send holds the keys' locks.
pub async fn check_limits(
    conn: &mut AnyConnection,
    sender: &Sender<'_>,
    limits: SendLimits,
    now: i64,
) -> Result<Option<Refusal>, DbError> {
    const HOUR: i64 = 3600;
    const DAY: i64 = 24 * 3600;
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(at) FROM sms_sends WHERE subject = $1 AND purpose = $2")
            .bind(sender.subject)
            .bind(sender.purpose.as_str())
            .fetch_one(&mut *conn)
            .await?;
    if let Some(last) = last
        && now < last + limits.cooldown_secs
    {
        return Ok(Some(Refusal::Cooldown {
            next_at: last + limits.cooldown_secs,
        }));
    }
    // An account's codes count together (sign-in, every room it is a member of); a
    // number with no account yet counts alone.
    let (by_subject, next_at) = match sender.user_id {
        Some(user_id) => {
            in_window(
                conn,
                "SELECT COUNT(*), MIN(at) FROM sms_sends WHERE user_id = $1 AND at > $2",
                &[Bind::Id(user_id)],
                now - HOUR,
                HOUR,
            )
            .await?
        }
        None => {
            in_window(
                conn,
                "SELECT COUNT(*), MIN(at) FROM sms_sends WHERE subject = $1 AND at > $2",
                &[Bind::Text(sender.subject)],
                now - HOUR,
                HOUR,
            )
            .await?
        }
    };
    if by_subject >= limits.per_subject_per_hour {
        return Ok(Some(Refusal::SubjectHourly { next_at }));
    }
    // Only this account's (or subject's) own sends count here: others cannot spend a
    // number's codes.
    let (to_phone, next_at) = match sender.user_id {
        Some(user_id) => in_window(
            conn,
            "SELECT COUNT(*), MIN(at) FROM sms_sends WHERE phone = $1 AND user_id = $2 AND at > $3",
            &[Bind::Text(sender.phone), Bind::Id(user_id)],
            now - DAY,
            DAY,
        )
        .await?,
        None => in_window(
            conn,
            "SELECT COUNT(*), MIN(at) FROM sms_sends WHERE phone = $1 AND subject = $2 AND at > $3",
            &[Bind::Text(sender.phone), Bind::Text(sender.subject)],
            now - DAY,
            DAY,
        )
        .await?,
    };
    if to_phone >= limits.per_phone_per_day {
        return Ok(Some(Refusal::PhoneDaily { next_at }));
    }
    if sender.risky {
        let (risky, next_at) = in_window(
            conn,
            "SELECT COUNT(*), MIN(at) FROM sms_sends WHERE phone = $1 AND risky = 1 AND at > $2",
            &[Bind::Text(sender.phone)],
            now - DAY,
            DAY,
        )
        .await?;
        if risky >= limits.risky_per_phone_per_day {
            return Ok(Some(Refusal::PhoneDaily { next_at }));
        }
    }
    let (by_ip, next_at) = in_window(
        conn,
        "SELECT COUNT(*), MIN(at) FROM sms_sends WHERE ip = $1 AND at > $2",
        &[Bind::Text(sender.ip)],
        now - HOUR,
        HOUR,
    )
    .await?;
    if by_ip >= limits.per_ip_per_hour {
        return Ok(Some(Refusal::IpHourly { next_at }));
    }
    Ok(None)
}

/// Undoes a reservation whose message the provider did not take: the send does not count
/// and "Send again" works at once.
pub async fn cancel_reservation(tx: &mut Tx, reservation: Reservation) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sms_sends WHERE id = $1")
        .bind(reservation.send_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sms_challenges WHERE id = $1")
        .bind(reservation.challenge_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The subject's newest code for a purpose, used or not.
pub async fn latest_challenge<'e>(
    db: impl Exec<'e>,
    subject: &str,
    purpose: Purpose,
) -> Result<Option<Challenge>, DbError> {
    sqlx::query_as(
        "SELECT id, phone, code_mac, created_at, expires_at, attempts, consumed_at FROM sms_challenges \
         WHERE subject = $1 AND purpose = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(subject)
    .bind(purpose.as_str())
    .fetch_optional(db)
    .await
}

/// Marks the code used if it is still usable; true for exactly one caller.
pub async fn consume_challenge<'e>(db: impl Exec<'e>, id: i64, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE sms_challenges SET consumed_at = $1 \
         WHERE id = $2 AND consumed_at IS NULL AND attempts < $3 AND expires_at > $1",
    )
    .bind(now)
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Counts a wrong attempt unless the code is already dead; returns the new count, or
/// `None` when it was not counted (dead, used or gone).
pub async fn record_wrong_attempt<'e>(db: impl Exec<'e>, id: i64) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar(
        "UPDATE sms_challenges SET attempts = attempts + 1 \
         WHERE id = $1 AND consumed_at IS NULL AND attempts < $2 RETURNING attempts",
    )
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .fetch_optional(db)
    .await
}

pub async fn purge_challenges_before(tx: &mut Tx, cutoff: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sms_challenges WHERE expires_at <= $1")
        .bind(cutoff)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sms_sends WHERE at <= $1")
        .bind(cutoff - 24 * 3600)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Texts sent (or being sent) since `since`, across the platform.
pub async fn sms_sent_since<'e>(db: impl Exec<'e>, since: i64) -> Result<i64, DbError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM sms_sends WHERE at >= $1")
        .bind(since)
        .fetch_one(db)
        .await
}
