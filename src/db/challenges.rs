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
use crate::domain::policy::SmsLimits;
use crate::domain::pumping::{DAY_SECS, day_start};

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
    pub per_ip_per_hour: i64,
    /// Risky codes (to a number the sender has not verified) per UTC day, across every
    /// subject: per number, client address, network and country calling code, and the
    /// platform's budget.
    pub risky: SmsLimits,
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
    /// A cap on risky codes for today was reached; they start again at `next_at`, the
    /// next UTC midnight.
    RiskyDaily {
        cap: RiskyCap,
        next_at: i64,
    },
}

/// Which daily cap on risky codes refused a send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskyCap {
    /// The platform's daily budget is spent: risky codes are paused for today.
    Budget,
    Number,
    Address,
    Network,
    Country,
}

impl RiskyCap {
    /// The reason the audit log records.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Budget => "daily_budget",
            Self::Number => "per_number",
            Self::Address => "per_address",
            Self::Network => "per_network",
            Self::Country => "per_country",
        }
    }
}

impl Refusal {
    pub fn next_at(&self) -> i64 {
        match self {
            Self::Cooldown { next_at }
            | Self::SubjectHourly { next_at }
            | Self::PhoneDaily { next_at }
            | Self::IpHourly { next_at }
            | Self::RiskyDaily { next_at, .. } => *next_at,
        }
    }

    /// The reason the audit log records.
    pub fn reason(&self) -> &'static str {
        match self {
            Self::Cooldown { .. } => "cooldown",
            Self::SubjectHourly { .. } => "per_subject_hourly",
            Self::PhoneDaily { .. } => "per_phone_daily",
            Self::IpHourly { .. } => "per_ip_hourly",
            Self::RiskyDaily { cap, .. } => cap.as_str(),
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
    /// The client's network (`pumping::network_of`).
    pub network: &'a str,
    /// The number's country calling code (0 when unknown).
    pub calling_code: i64,
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
    pub network: &'a str,
    pub calling_code: i64,
    /// To a number the sender has not verified.
    pub risky: bool,
    pub expires_at: i64,
}

/// The rows a reservation wrote, so a send the provider refused can be undone.
#[derive(Clone, Copy, Debug)]
pub struct Reservation {
    pub send_id: i64,
    pub challenge_id: i64,
    /// For a risky send: the risky sends of today, this one included.
    pub risky_today: Option<i64>,
}

/// Checks every limit, records the send, and replaces the subject's earlier codes for this
/// purpose with the new one. Runs inside an exclusive transaction of the caller's: the
/// daily caps on risky sends are checked after the send is recorded (it counts itself), so
/// they hold exactly when the caller holds the locks of every key they count by.
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
        network: challenge.network,
        calling_code: challenge.calling_code,
        risky: challenge.risky,
    };
    if let Some(refusal) = check_send_limits(tx, &sender, limits, now).await? {
        return Ok(Err(refusal));
    }
    let send_id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_sends (subject, user_id, purpose, phone, ip, network, calling_code, risky, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(challenge.subject)
    .bind(challenge.user_id)
    .bind(challenge.purpose.as_str())
    .bind(challenge.phone)
    .bind(challenge.ip)
    .bind(challenge.network)
    .bind(challenge.calling_code)
    .bind(super::flag(challenge.risky))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    let mut risky_today = None;
    if challenge.risky {
        let counts = risky_counts(tx, &sender, now).await?;
        if let Some(refusal) = counts.refusal(&limits.risky, 0, now) {
            sqlx::query("DELETE FROM sms_sends WHERE id = $1")
                .bind(send_id)
                .execute(&mut **tx)
                .await?;
            return Ok(Err(refusal));
        }
        risky_today = Some(counts.budget);
    }
    // Only the newest code for a purpose works.
    sqlx::query("DELETE FROM sms_challenges WHERE subject = $1 AND purpose = $2")
        .bind(challenge.subject)
        .bind(challenge.purpose.as_str())
        .execute(&mut **tx)
        .await?;
    let challenge_id: i64 = sqlx::query_scalar(
        "INSERT INTO sms_challenges (subject, user_id, purpose, phone, code_mac, created_at, expires_at, attempts, send_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) RETURNING id",
    )
    .bind(challenge.subject)
    .bind(challenge.user_id)
    .bind(challenge.purpose.as_str())
    .bind(challenge.phone)
    .bind(challenge.code_mac)
    .bind(now)
    .bind(challenge.expires_at)
    .bind(send_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Ok(Reservation {
        send_id,
        challenge_id,
        risky_today,
    }))
}

/// Today's risky sends (since UTC midnight): all of them, and those sharing the sender's
/// number, address, network and country calling code. One read of today's risky sends.
#[derive(Clone, Copy, Debug)]
struct RiskyCounts {
    budget: i64,
    number: i64,
    address: i64,
    network: i64,
    country: i64,
}

impl RiskyCounts {
    /// The cap that `pending` more sends would break, the budget first (it pauses every
    /// risky send, whatever else).
    fn refusal(&self, limits: &SmsLimits, pending: i64, now: i64) -> Option<Refusal> {
        let next_at = day_start(now) + DAY_SECS;
        [
            (RiskyCap::Budget, self.budget, limits.daily_budget),
            (RiskyCap::Number, self.number, limits.per_number),
            (RiskyCap::Address, self.address, limits.per_address),
            (RiskyCap::Network, self.network, limits.per_network),
            (RiskyCap::Country, self.country, limits.per_country),
        ]
        .into_iter()
        .find(|(_, count, cap)| count + pending > *cap)
        .map(|(cap, _, _)| Refusal::RiskyDaily { cap, next_at })
    }
}

async fn risky_counts(
    conn: &mut AnyConnection,
    sender: &Sender<'_>,
    now: i64,
) -> Result<RiskyCounts, DbError> {
    let (budget, number, address, network, country): (i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT COUNT(*), COUNT(CASE WHEN phone = $1 THEN 1 END), COUNT(CASE WHEN ip = $2 THEN 1 END), \
             COUNT(CASE WHEN network = $3 THEN 1 END), COUNT(CASE WHEN calling_code = $4 THEN 1 END) \
             FROM sms_sends WHERE risky = 1 AND at >= $5",
        )
        .bind(sender.phone)
        .bind(sender.ip)
        .bind(sender.network)
        .bind(sender.calling_code)
        .bind(day_start(now))
        .fetch_one(&mut *conn)
        .await?;
    Ok(RiskyCounts {
        budget,
        number,
        address,
        network,
        country,
    })
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

/// The refusal a send by `sender` would meet now, if any, the daily caps on risky sends
/// included. Read-only, for the page that offers "Send again".
pub async fn check_limits(
    conn: &mut AnyConnection,
    sender: &Sender<'_>,
    limits: SendLimits,
    now: i64,
) -> Result<Option<Refusal>, DbError> {
    if let Some(refusal) = check_send_limits(conn, sender, limits, now).await? {
        return Ok(Some(refusal));
    }
    if sender.risky {
        let counts = risky_counts(conn, sender, now).await?;
        return Ok(counts.refusal(&limits.risky, 1, now));
    }
    Ok(None)
}

/// The refusal of the limits on this sender's own sends (cooldown, per hour, per number
/// per subject, per address per hour). Read-only: a caller that goes on to send holds the
/// keys' locks.
async fn check_send_limits(
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

/// Kills the subject's codes for a purpose, used or not: the number they went to is no
/// longer the one the code proves (a room's number changed or was cleared).
pub async fn delete_challenges<'e>(
    db: impl Exec<'e>,
    subject: &str,
    purpose: Purpose,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sms_challenges WHERE subject = $1 AND purpose = $2")
        .bind(subject)
        .bind(purpose.as_str())
        .execute(db)
        .await?;
    Ok(())
}

/// Marks the code used if it is still usable, and its send as entered (the conversion
/// rate); true for exactly one caller.
pub async fn consume_challenge(
    conn: &mut AnyConnection,
    id: i64,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE sms_challenges SET consumed_at = $1 \
         WHERE id = $2 AND consumed_at IS NULL AND attempts < $3 AND expires_at > $1",
    )
    .bind(now)
    .bind(id)
    .bind(MAX_ATTEMPTS)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "UPDATE sms_sends SET entered = 1 WHERE id = (SELECT send_id FROM sms_challenges WHERE id = $1)",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(true)
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
    // Sends are kept a week longer than the daily limits need: the overview's conversion
    // rate per country covers the last 7 days.
    sqlx::query("DELETE FROM sms_sends WHERE at <= $1")
        .bind(cutoff - 7 * 24 * 3600)
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

/// Texts sent (or being sent) since `since`: to numbers no account has verified (risky),
/// and to verified numbers (safe).
pub async fn sms_sent_by_kind_since<'e>(
    db: impl Exec<'e>,
    since: i64,
) -> Result<(i64, i64), DbError> {
    sqlx::query_as(
        "SELECT COUNT(CASE WHEN risky = 1 THEN 1 END), COUNT(CASE WHEN risky = 0 THEN 1 END) \
         FROM sms_sends WHERE at >= $1",
    )
    .bind(since)
    .fetch_one(db)
    .await
}

/// Per country calling code, the texts sent since `since` and how many of their codes
/// were entered, most sent first.
pub async fn sms_by_country_since<'e>(
    db: impl Exec<'e>,
    since: i64,
) -> Result<Vec<(i64, i64, i64)>, DbError> {
    sqlx::query_as(
        "SELECT calling_code, COUNT(*) AS sent, COUNT(CASE WHEN entered = 1 THEN 1 END) \
         FROM sms_sends WHERE at >= $1 GROUP BY calling_code ORDER BY sent DESC, calling_code",
    )
    .bind(since)
    .fetch_all(db)
    .await
}

/// Records that administrators are being warned about the budget of the UTC day that
/// began at `day`; true for the first caller of the day only.
pub async fn claim_budget_alert(tx: &mut Tx, day: i64, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "INSERT INTO sms_budget_alerts (day, at) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING",
    )
    .bind(day)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// When administrators were warned about the budget of the UTC day that began at `day`.
pub async fn budget_alerted_at<'e>(db: impl Exec<'e>, day: i64) -> Result<Option<i64>, DbError> {
    sqlx::query_scalar("SELECT at FROM sms_budget_alerts WHERE day = $1")
        .bind(day)
        .fetch_optional(db)
        .await
}
