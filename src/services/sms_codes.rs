//! Sending and checking SMS codes for a subject (a user, a phone number with no account
//! yet, a room membership): the limits, the provider and the checks, reused by sign-in, the
//! security settings and whatever else verifies a phone.

use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::challenges::{
    NewChallenge, Refusal, SendLimits, Sender, cancel_reservation, check_limits, consume_challenge,
    latest_challenge, record_wrong_attempt, reserve_send,
};
use crate::db::{DbError, Tx};
use crate::domain::codes::{
    CODE_TTL_SECS, MAX_ATTEMPTS, Purpose, Subject, code_mac, generate_code, macs_match,
    message_text,
};
use crate::domain::time::time_of_day;
use crate::sms::SmsError;

use super::Services;

/// Seconds between two sends for the same purpose.
pub const COOLDOWN_SECS: i64 = 30;

/// Why no code went out.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("a limit refused the send: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Provider(SmsError),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<DbError> for SendError {
    fn from(err: DbError) -> Self {
        Self::Unexpected(err.into())
    }
}

/// What a refused send tells the person, with when they can ask again.
pub fn refusal_message(refusal: &Refusal, now: i64) -> String {
    match refusal {
        Refusal::Cooldown { next_at } => {
            let wait = (next_at - now).max(1);
            format!("A code was sent moments ago. You can ask for a new one in {wait} seconds.")
        }
        Refusal::SubjectHourly { next_at } => format!(
            "You have asked for too many codes. You can ask for a new one at {}, or use another way to sign in below.",
            time_of_day(*next_at)
        ),
        Refusal::PhoneDaily { next_at } => format!(
            "Too many codes have been sent to this phone number today. You can ask for a new one at {}.",
            time_of_day(*next_at)
        ),
        Refusal::IpHourly { next_at } => format!(
            "Too many codes have been sent from your network. You can ask for a new one at {}.",
            time_of_day(*next_at)
        ),
    }
}

impl SendError {
    /// What the person is told; never says more than they need to act.
    pub fn user_message(&self, now: i64) -> String {
        match self {
            Self::Refused(refusal) => refusal_message(refusal, now),
            Self::Provider(SmsError::Rejected { .. }) => {
                "The text message could not be delivered to this number. Check the number, or use \"Send again\" in a moment.".into()
            }
            Self::Provider(SmsError::Unavailable(_)) => {
                "We could not send the text message just now. Use \"Send again\" in a moment.".into()
            }
            Self::Unexpected(_) => "Something went wrong while sending the code. Try again in a moment.".into(),
        }
    }
}

/// The result of checking a typed code.
#[derive(Debug, PartialEq, Eq)]
pub enum CheckOutcome {
    /// Right code; it is now used up. Carries the number it was sent to.
    Verified {
        phone: String,
    },
    Wrong {
        tries_left: i64,
    },
    /// This attempt was the fifth wrong one: the code is now dead.
    Locked,
    /// The code was already dead from wrong attempts.
    Dead,
    Expired,
    /// No usable code (never sent, already used, or replaced).
    NoCode,
}

/// Where a subject's code for a purpose stands, for the page that asks for it.
pub struct CodeStatus {
    /// The number a usable code went to, if one is waiting.
    pub waiting_for: Option<String>,
    /// Seconds until "Send again" is accepted; 0 when it is now.
    pub wait_secs: i64,
    /// A limit on codes was reached: what to tell the person (no new code can be asked
    /// for before the time it says).
    pub limit: Option<String>,
}

fn limits(settings: &crate::config::Settings) -> SendLimits {
    SendLimits {
        cooldown_secs: COOLDOWN_SECS,
        per_subject_per_hour: 5,
        per_phone_per_day: 10,
        risky_per_phone_per_day: 5,
        per_ip_per_hour: settings.sms_sends_per_ip_per_hour,
    }
}

impl Services {
    pub fn sms_is_development(&self) -> bool {
        self.provider.is_development()
    }

    /// Sends a fresh code for `purpose` to `phone`, replacing any earlier one.
    #[tracing::instrument(name = "Send an SMS code", skip_all, fields(purpose = purpose.as_str()))]
    pub async fn send_code(
        &self,
        subject: &Subject,
        purpose: Purpose,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        let now = self.clock.now();
        let code = generate_code();
        let key = subject.key();
        let mac = code_mac(self.secret_key(), subject, purpose, phone, &code);
        let ip = origin.ip.as_deref().unwrap_or_default();
        let challenge = NewChallenge {
            subject: &key,
            user_id: subject.user_id(),
            purpose,
            phone,
            code_mac: &mac,
            ip,
            risky: purpose.is_risky_to(subject),
            expires_at: now + CODE_TTL_SECS,
        };
        // Sends that share a subject, an account, a number or an address take turns.
        let phone_key = format!("sms-phone:{phone}");
        let ip_key = format!("sms-ip:{ip}");
        let user_key = subject
            .user_id()
            .map_or_else(|| key.clone(), |id| format!("sms-user:{id}"));
        let mut tx = self
            .db
            .begin_exclusive(&[&key, &user_key, &phone_key, &ip_key])
            .await?;
        let reservation =
            match reserve_send(&mut tx, &challenge, limits(&self.settings), now).await? {
                Ok(reservation) => reservation,
                Err(refusal) => {
                    let detail = format!("{refusal:?}");
                    self.audit(
                        &mut tx,
                        &sms_event(EventKind::SmsSendRefused, subject, origin, &detail),
                    );
                    tx.commit().await?;
                    return Err(SendError::Refused(refusal));
                }
            };
        tx.commit().await?;
        let app_name = self.platform().await?.app_name;
        let body = message_text(&app_name, &self.host, &code);
        match self.provider.send(phone, &body, purpose.as_str()).await {
            Ok(receipt) => {
                let detail = format!(
                    "{} {} {}",
                    purpose.as_str(),
                    self.provider.name(),
                    receipt.message_id
                );
                self.audit_alone(&sms_event(EventKind::SmsSent, subject, origin, &detail))
                    .await?;
                Ok(())
            }
            Err(err) => {
                tracing::error!(provider = self.provider.name(), error = %err, "The SMS provider did not take the message");
                let detail = format!("{} {}", self.provider.name(), err);
                let mut tx = self.db.begin().await?;
                cancel_reservation(&mut tx, reservation).await?;
                self.audit(
                    &mut tx,
                    &sms_event(EventKind::SmsSendFailed, subject, origin, &detail),
                );
                tx.commit().await?;
                Err(SendError::Provider(err))
            }
        }
    }

    /// Where the subject's code for `purpose` to `phone` stands, and whether a new one
    /// can be asked for from `origin`, all read on one connection.
    pub async fn code_status(
        &self,
        subject: &Subject,
        purpose: Purpose,
        phone: &str,
        origin: &Origin,
    ) -> Result<CodeStatus, DbError> {
        let key = subject.key();
        let now = self.clock.now();
        let mut conn = self.db.pool.acquire().await?;
        let waiting_for = latest_challenge(&mut *conn, &key, purpose)
            .await?
            .filter(|c| c.consumed_at.is_none() && c.expires_at > now && c.attempts < MAX_ATTEMPTS)
            .map(|c| c.phone);
        let sender = Sender {
            subject: &key,
            user_id: subject.user_id(),
            purpose,
            phone,
            ip: origin.ip.as_deref().unwrap_or_default(),
            risky: purpose.is_risky_to(subject),
        };
        let refusal = check_limits(&mut conn, &sender, limits(&self.settings), now).await?;
        Ok(match refusal {
            Some(Refusal::Cooldown { next_at }) => CodeStatus {
                waiting_for,
                wait_secs: (next_at - now).max(0),
                limit: None,
            },
            Some(refusal) => CodeStatus {
                waiting_for,
                wait_secs: 0,
                limit: Some(match (purpose, &refusal) {
                    // A room's step has no other way in.
                    (Purpose::RoomEntry, Refusal::SubjectHourly { next_at }) => format!(
                        "You have asked for too many codes. You can ask for a new one at {}.",
                        time_of_day(*next_at)
                    ),
                    _ => refusal_message(&refusal, now),
                }),
            },
            None => CodeStatus {
                waiting_for,
                wait_secs: 0,
                limit: None,
            },
        })
    }

    /// The number the subject's newest unused code for `purpose` went to.
    pub async fn pending_code_phone(
        &self,
        subject: &Subject,
        purpose: Purpose,
    ) -> Result<Option<String>, DbError> {
        Ok(latest_challenge(&self.db.pool, &subject.key(), purpose)
            .await?
            .filter(|c| c.consumed_at.is_none())
            .map(|c| c.phone))
    }

    /// Checks a typed (already normalised) code against the newest code for `purpose`,
    /// inside the caller's transaction (which holds what a right code leads to).
    pub(crate) async fn check_code(
        &self,
        tx: &mut Tx,
        subject: &Subject,
        purpose: Purpose,
        code: &str,
        origin: &Origin,
    ) -> Result<CheckOutcome, DbError> {
        let outcome = self.judge(tx, subject, purpose, code).await?;
        let kind = match &outcome {
            CheckOutcome::Verified { .. } => Some(EventKind::CodeVerified),
            CheckOutcome::Wrong { .. } => Some(EventKind::CodeFailed),
            CheckOutcome::Locked => Some(EventKind::CodeLocked),
            CheckOutcome::Dead | CheckOutcome::Expired | CheckOutcome::NoCode => None,
        };
        if let Some(kind) = kind {
            self.audit(tx, &sms_event(kind, subject, origin, purpose.as_str()));
        }
        Ok(outcome)
    }

    async fn judge(
        &self,
        tx: &mut Tx,
        subject: &Subject,
        purpose: Purpose,
        code: &str,
    ) -> Result<CheckOutcome, DbError> {
        let now = self.clock.now();
        let Some(challenge) = latest_challenge(&mut **tx, &subject.key(), purpose).await? else {
            return Ok(CheckOutcome::NoCode);
        };
        if challenge.consumed_at.is_some() {
            return Ok(CheckOutcome::NoCode);
        }
        if challenge.attempts >= MAX_ATTEMPTS {
            return Ok(CheckOutcome::Dead);
        }
        if challenge.expires_at <= now {
            return Ok(CheckOutcome::Expired);
        }
        let typed = code_mac(self.secret_key(), subject, purpose, &challenge.phone, code);
        if macs_match(&typed, &challenge.code_mac) {
            // Another request may have used it, or locked it, since it was read.
            return Ok(if consume_challenge(&mut **tx, challenge.id, now).await? {
                CheckOutcome::Verified {
                    phone: challenge.phone,
                }
            } else {
                CheckOutcome::NoCode
            });
        }
        Ok(match record_wrong_attempt(&mut **tx, challenge.id).await? {
            Some(attempts) if attempts < MAX_ATTEMPTS => CheckOutcome::Wrong {
                tries_left: MAX_ATTEMPTS - attempts,
            },
            Some(_) => CheckOutcome::Locked,
            // Dead, used or replaced since it was read.
            None => CheckOutcome::Dead,
        })
    }
}

/// An SMS event of a subject (an account's own, when there is one).
fn sms_event<'a>(
    kind: EventKind,
    subject: &Subject,
    origin: &'a Origin,
    detail: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        kind,
        actor_user_id: subject.user_id(),
        subject_user_id: subject.user_id(),
        origin,
        detail: Some(detail),
    }
}
