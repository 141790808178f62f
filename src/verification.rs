//! Sending and checking SMS codes: the domain rules, the database and the provider put
//! together, used by sign-in and by the security settings alike.

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::db::audit::{AuditEvent, EventKind, Origin, record_event};
use crate::db::challenges::{
    NewChallenge, Refusal, ReserveError, SendLimits, cancel_reservation, consume_challenge,
    latest_challenge, record_wrong_attempt, reserve_send,
};
use crate::domain::codes::{
    CODE_TTL_SECS, MAX_ATTEMPTS, Purpose, code_mac, generate_code, macs_match, message_text,
};
use crate::sms::{SmsError, SmsProvider};

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

impl From<sqlx::Error> for SendError {
    fn from(err: sqlx::Error) -> Self {
        Self::Unexpected(err.into())
    }
}

impl SendError {
    /// What the person is told; never says more than they need to act.
    pub fn user_message(&self, clock: &Clock) -> String {
        match self {
            Self::Refused(Refusal::Cooldown { next_at }) => {
                let wait = (next_at - clock.now()).max(1);
                format!("A code was sent moments ago. You can ask for a new one in {wait} seconds.")
            }
            Self::Refused(Refusal::UserHourly) => {
                "You have asked for too many codes. Wait an hour and try again.".into()
            }
            Self::Refused(Refusal::PhoneDaily) => {
                "Too many codes have been sent to this phone number today. Try again tomorrow.".into()
            }
            Self::Refused(Refusal::IpHourly) => {
                "Too many codes have been sent from your network. Wait an hour and try again.".into()
            }
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

pub struct SmsVerification {
    db: Db,
    clock: Clock,
    provider: Arc<dyn SmsProvider>,
    secret_key: [u8; 32],
    app_name: String,
    host: String,
    limits: SendLimits,
}

impl SmsVerification {
    pub fn new(db: Db, clock: Clock, provider: Arc<dyn SmsProvider>, settings: &Settings) -> Self {
        Self {
            db,
            clock,
            provider,
            secret_key: *settings.secret_key.expose(),
            app_name: settings.app_name.clone(),
            host: settings
                .public_url
                .host_str()
                .unwrap_or("localhost")
                .to_owned(),
            limits: SendLimits {
                cooldown_secs: 30,
                per_user_per_hour: 5,
                per_phone_per_day: 10,
                per_ip_per_hour: settings.sms_sends_per_ip_per_hour,
            },
        }
    }

    pub fn provider_is_development(&self) -> bool {
        self.provider.is_development()
    }

    pub fn cooldown_secs(&self) -> i64 {
        self.limits.cooldown_secs
    }

    /// Sends a fresh code for `purpose` to `phone`, replacing any earlier one.
    #[tracing::instrument(name = "Send an SMS code", skip_all, fields(user_id, purpose = purpose.as_str()))]
    pub async fn send_code(
        &self,
        user_id: i64,
        purpose: Purpose,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        let now = self.clock.now();
        let code = generate_code();
        let mac = code_mac(&self.secret_key, user_id, purpose, phone, &code);
        let ip = origin.ip.as_deref().unwrap_or_default();
        let challenge = NewChallenge {
            user_id,
            purpose,
            phone,
            code_mac: &mac,
            ip,
            expires_at: now + CODE_TTL_SECS,
        };
        let audit = |kind, detail: Option<&str>| {
            let detail = detail.map(str::to_owned);
            async move {
                let event = AuditEvent::by_user(kind, user_id, origin, detail.as_deref());
                record_event(&self.db.pool, &event).await
            }
        };
        let reservation = match reserve_send(&self.db, &challenge, self.limits, now).await {
            Ok(reservation) => reservation,
            Err(ReserveError::Refused(refusal)) => {
                audit(EventKind::SmsSendRefused, Some(&format!("{refusal:?}"))).await?;
                return Err(SendError::Refused(refusal));
            }
            Err(ReserveError::Db(err)) => return Err(err.into()),
        };
        let body = message_text(&self.app_name, &self.host, &code);
        match self.provider.send(phone, &body).await {
            Ok(receipt) => {
                let detail = format!(
                    "{} {} {}",
                    purpose.as_str(),
                    self.provider.name(),
                    receipt.message_id
                );
                audit(EventKind::SmsSent, Some(&detail)).await?;
                Ok(())
            }
            Err(err) => {
                tracing::error!(provider = self.provider.name(), error = %err, "The SMS provider did not take the message");
                cancel_reservation(&self.db, reservation).await?;
                let detail = format!("{} {}", self.provider.name(), err);
                audit(EventKind::SmsSendFailed, Some(&detail)).await?;
                Err(SendError::Provider(err))
            }
        }
    }

    /// Checks a typed (already normalised) code against the newest code for `purpose`.
    #[tracing::instrument(name = "Check an SMS code", skip_all, fields(user_id, purpose = purpose.as_str()))]
    pub async fn check_code(
        &self,
        user_id: i64,
        purpose: Purpose,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<CheckOutcome> {
        let now = self.clock.now();
        let outcome = self.judge(user_id, purpose, code, now).await?;
        let kind = match &outcome {
            CheckOutcome::Verified { .. } => Some(EventKind::CodeVerified),
            CheckOutcome::Wrong { .. } => Some(EventKind::CodeFailed),
            CheckOutcome::Locked => Some(EventKind::CodeLocked),
            CheckOutcome::Dead | CheckOutcome::Expired | CheckOutcome::NoCode => None,
        };
        if let Some(kind) = kind {
            let event = AuditEvent::by_user(kind, user_id, origin, Some(purpose.as_str()));
            record_event(&self.db.pool, &event).await?;
        }
        Ok(outcome)
    }

    async fn judge(
        &self,
        user_id: i64,
        purpose: Purpose,
        code: &str,
        now: i64,
    ) -> anyhow::Result<CheckOutcome> {
        let Some(challenge) = latest_challenge(&self.db, user_id, purpose).await? else {
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
        let typed = code_mac(&self.secret_key, user_id, purpose, &challenge.phone, code);
        if macs_match(&typed, &challenge.code_mac) {
            // Another request may have used it, or locked it, since it was read.
            return Ok(if consume_challenge(&self.db, challenge.id, now).await? {
                CheckOutcome::Verified {
                    phone: challenge.phone,
                }
            } else {
                CheckOutcome::NoCode
            });
        }
        Ok(match record_wrong_attempt(&self.db, challenge.id).await? {
            Some(attempts) if attempts < MAX_ATTEMPTS => CheckOutcome::Wrong {
                tries_left: MAX_ATTEMPTS - attempts,
            },
            Some(_) => CheckOutcome::Locked,
            // Dead, used or replaced since it was read.
            None => CheckOutcome::Dead,
        })
    }
}
