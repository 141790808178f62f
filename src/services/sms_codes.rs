//! Sending and checking SMS codes for a subject (a user, a phone number with no account
//! yet, a room membership): the limits, the provider and the checks, reused by sign-in, the
//! security settings and whatever else verifies a phone.

use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::challenges::{
    NewChallenge, Refusal, RiskyCap, SendLimits, Sender, cancel_reservation, check_limits,
    claim_budget_alert, consume_challenge, latest_challenge, record_wrong_attempt, reserve_send,
};
use crate::db::users::{active_admins, find_user_by_id};
use crate::db::{DbError, Tx};
use crate::domain::codes::{
    CODE_TTL_SECS, MAX_ATTEMPTS, Purpose, Subject, code_mac, generate_code, macs_match,
    message_text,
};
use crate::domain::language::Language;
use crate::domain::phone::calling_code;
use crate::domain::policy::SmsLimits;
use crate::domain::pumping::{budget_warning_at, canonical_address, day_start, network_of_text};
use crate::domain::time::time_of_day;
use crate::sms::SmsError;

use super::Services;
use super::letters::{Letter, Secret};

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

/// A refused send in `language`: which limit, and when a new code can be asked for.
/// `other_ways`: the page offers another way to sign in below.
fn say_refusal(refusal: &Refusal, now: i64, other_ways: bool, language: Language) -> String {
    let at = |id: &str, next_at: i64| {
        language
            .tr(id)
            .arg("time", time_of_day(next_at))
            .to_string()
    };
    match refusal {
        Refusal::Cooldown { next_at } => language
            .tr("login-limit-cooldown")
            .count((next_at - now).max(1))
            .to_string(),
        Refusal::SubjectHourly { next_at } if other_ways => {
            at("login-limit-codes-or-other-way", *next_at)
        }
        Refusal::SubjectHourly { next_at } => at("login-limit-codes", *next_at),
        Refusal::PhoneDaily { next_at } => at("login-limit-phone", *next_at),
        Refusal::IpHourly { next_at } => at("login-limit-network", *next_at),
        Refusal::RiskyDaily { cap, .. } => language.t(match cap {
            RiskyCap::Budget => "login-limit-budget",
            RiskyCap::Number => "login-limit-new-number",
            RiskyCap::Address => "login-limit-new-address",
            RiskyCap::Network => "login-limit-new-network",
            RiskyCap::Country => "login-limit-new-country",
        }),
    }
}

impl SendError {
    /// What the person is told, in `language`; never says more than they need to act.
    pub fn say(&self, now: i64, language: Language) -> String {
        match self {
            Self::Refused(refusal) => say_refusal(refusal, now, true, language),
            Self::Provider(SmsError::Rejected { .. }) => language.t("login-send-rejected"),
            Self::Provider(SmsError::Unavailable(_)) => language.t("login-send-unavailable"),
            Self::Unexpected(_) => language.t("login-send-failed"),
        }
    }
}

/// A limit on codes that was reached, for the page to say in its language (`say`): no new
/// code can be asked for before the time it says.
#[derive(Debug)]
pub struct CodeLimit {
    refusal: Refusal,
    now: i64,
    /// The page offers other ways in: a room's step has none.
    other_ways: bool,
}

impl CodeLimit {
    pub fn say(&self, language: Language) -> String {
        say_refusal(&self.refusal, self.now, self.other_ways, language)
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
    /// A limit on codes was reached.
    pub limit: Option<CodeLimit>,
}

fn limits(settings: &crate::config::Settings, risky: SmsLimits) -> SendLimits {
    SendLimits {
        cooldown_secs: COOLDOWN_SECS,
        per_subject_per_hour: 5,
        per_phone_per_day: 10,
        per_ip_per_hour: settings.sms_sends_per_ip_per_hour,
        risky,
    }
}

/// The lock keys of a send: sends that share a subject, an account, a number or an
/// address take turns; a risky send also takes its network's, its country's and the
/// budget's, so each daily cap counts what is committed before it.
fn lock_keys(key: &str, user_id: Option<i64>, sender: &NewChallenge<'_>) -> Vec<String> {
    let mut keys = vec![
        key.to_owned(),
        user_id.map_or_else(|| key.to_owned(), |id| format!("sms-user:{id}")),
        format!("sms-phone:{}", sender.phone),
        format!("sms-ip:{}", sender.ip),
    ];
    if sender.risky {
        keys.extend([
            format!("sms-network:{}", sender.network),
            format!("sms-country:{}", sender.calling_code),
            "sms-budget".to_owned(),
        ]);
    }
    keys
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
        // A code lives minutes: made under the current secret key, checked under each key
        // held, so a rotation does not spoil a code on its way.
        let mac = code_mac(self.keyring.current(), subject, purpose, phone, &code);
        let ip = canonical_address(origin.ip.as_deref().unwrap_or_default());
        let network = network_of_text(&ip);
        let platform = self.platform().await?;
        let challenge = NewChallenge {
            subject: &key,
            user_id: subject.user_id(),
            purpose,
            phone,
            code_mac: &mac,
            ip: &ip,
            network: &network,
            calling_code: calling_code(phone).map_or(0, i64::from),
            risky: purpose.is_risky_to(subject),
            expires_at: now + CODE_TTL_SECS,
        };
        let keys = lock_keys(&key, subject.user_id(), &challenge);
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let mut tx = self.db.begin_exclusive(&keys).await?;
        let limits = limits(&self.settings, platform.sms_limits);
        let reservation = match reserve_send(&mut tx, &challenge, limits, now).await? {
            Ok(reservation) => reservation,
            Err(refusal) => {
                let detail = format!("{} {}", purpose.as_str(), refusal.reason());
                self.audit(
                    &mut tx,
                    &sms_event(EventKind::SmsSendRefused, subject, origin, &detail),
                );
                tx.commit().await?;
                return Err(SendError::Refused(refusal));
            }
        };
        if let Some(risky_today) = reservation.risky_today {
            self.warn_of_the_budget(&mut tx, risky_today, platform.sms_limits.daily_budget)
                .await?;
        }
        tx.commit().await?;
        // In the account's language; a number with no account yet gets the page's.
        let chosen = match subject.user_id() {
            Some(id) => find_user_by_id(&self.db.pool, id)
                .await?
                .and_then(|user| user.language()),
            None => origin.language,
        };
        let language = chosen.unwrap_or(platform.default_language);
        let body = message_text(language, &platform.app_name, &self.host, &code);
        let asked = std::time::Instant::now();
        let sent = self.provider.send(phone, &body, purpose.as_str()).await;
        self.metrics()
            .provider_answered(self.provider.name(), asked.elapsed().as_secs_f64());
        match sent {
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
                // Down or failing is the operator's to look at; a refusal is often the number.
                match &err {
                    SmsError::Unavailable(_) => {
                        tracing::error!(provider = self.provider.name(), error = %err, "The SMS provider did not take the message")
                    }
                    SmsError::Rejected { .. } => {
                        tracing::warn!(provider = self.provider.name(), error = %err, "The SMS provider refused the message")
                    }
                }
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

    /// Emails every enabled administrator, once a UTC day, when the send that made
    /// `risky_today` reached 80 % of the daily budget; in that send's transaction.
    async fn warn_of_the_budget(
        &self,
        tx: &mut Tx,
        risky_today: i64,
        budget: i64,
    ) -> Result<(), DbError> {
        let now = self.clock.now();
        if risky_today < budget_warning_at(budget)
            || !claim_budget_alert(tx, day_start(now), now).await?
        {
            return Ok(());
        }
        tracing::warn!(risky_today, budget, "80 % of the daily SMS budget is spent");
        let overview = self.link("/admin", None);
        // Each administrator in their own language, else the platform's.
        let (_, platform_language) = self.writing_to(tx, None).await?;
        for admin in active_admins(&mut **tx).await? {
            let lang = admin.language().unwrap_or(platform_language);
            let letter = Letter {
                language: lang,
                subject: lang.t("email-budget-subject"),
                name: Some(&admin.name),
                lead: lang
                    .tr("email-budget-lead")
                    .num("sent", risky_today)
                    .num("budget", budget)
                    .to_string(),
                links: vec![(lang.t("email-budget-link"), overview.clone())],
                after: vec![lang.t("email-budget-advice")],
            };
            self.queue_letter(tx, Some(admin.id), &admin.email, &letter, Secret::None)
                .await?;
        }
        Ok(())
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
        let risky = self.platform().await?.sms_limits;
        let mut conn = self.db.pool.acquire().await?;
        let waiting_for = latest_challenge(&mut *conn, &key, purpose)
            .await?
            .filter(|c| c.consumed_at.is_none() && c.expires_at > now && c.attempts < MAX_ATTEMPTS)
            .map(|c| c.phone);
        let ip = canonical_address(origin.ip.as_deref().unwrap_or_default());
        let network = network_of_text(&ip);
        let sender = Sender {
            subject: &key,
            user_id: subject.user_id(),
            purpose,
            phone,
            ip: &ip,
            network: &network,
            calling_code: calling_code(phone).map_or(0, i64::from),
            risky: purpose.is_risky_to(subject),
        };
        let refusal = check_limits(&mut conn, &sender, limits(&self.settings, risky), now).await?;
        Ok(match refusal {
            Some(Refusal::Cooldown { next_at }) => CodeStatus {
                waiting_for,
                wait_secs: (next_at - now).max(0),
                limit: None,
            },
            Some(refusal) => CodeStatus {
                waiting_for,
                wait_secs: 0,
                limit: Some(CodeLimit {
                    refusal,
                    now,
                    // A room's step has no other way in.
                    other_ways: purpose != Purpose::RoomEntry,
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
        // Every key is tried (no early exit): the time taken does not say which matched.
        let right = self.keyring.keys().fold(false, |right, (_, key)| {
            let typed = code_mac(key, subject, purpose, &challenge.phone, code);
            macs_match(&typed, &challenge.code_mac) | right
        });
        if right {
            // Another request may have used it, or locked it, since it was read.
            return Ok(if consume_challenge(tx, challenge.id, now).await? {
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
