//! Authenticator apps and recovery codes: the domain rules, the database and sealing put
//! together, used by the security settings and by sign-in.

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::db::audit::{AuditEvent, EventKind, Origin, record_event};
use crate::db::recovery::{consume_code, count_unused, replace_codes, unused_codes};
use crate::db::throttle::{failures_since, record_failure};
use crate::db::totp::{
    activate_pending, active_secret, claim_step, pending_secret, store_pending_secret,
};
use crate::domain::recovery;
use crate::domain::sealing::Sealer;
use crate::domain::totp::{
    generate_secret, grouped, matching_step, otpauth_uri, qr_svg, secret_base32,
};

/// Wrong authenticator or recovery codes allowed per user in 15 minutes.
const MAX_WRONG_CODES: i64 = 10;
const WRONG_CODE_WINDOW_SECS: i64 = 15 * 60;

/// What the set-up page shows.
pub struct SetupView {
    pub qr_svg: String,
    pub grouped_key: String,
    pub uri: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum CodeOutcome {
    Accepted,
    Wrong,
    /// A code whose step was already used: refused, and recorded as a replay.
    Replayed,
    /// Too many wrong codes lately: nothing was checked.
    Throttled,
}

#[derive(Debug, PartialEq, Eq)]
pub enum RecoveryOutcome {
    Accepted { remaining: i64 },
    Wrong,
    Throttled,
}

pub struct SecondFactors {
    db: Db,
    clock: Clock,
    key: [u8; 32],
    totp_sealer: Sealer,
    display_sealer: Sealer,
    app_name: String,
}

fn owner(user_id: i64) -> String {
    format!("user:{user_id}")
}

impl SecondFactors {
    pub fn new(db: Db, clock: Clock, settings: &Settings) -> Self {
        let key = *settings.secret_key.expose();
        Self {
            db,
            clock,
            totp_sealer: Sealer::new(&key, "totp secret"),
            display_sealer: Sealer::new(&key, "recovery codes on display"),
            key,
            app_name: settings.app_name.clone(),
        }
    }

    async fn audit(
        &self,
        user_id: i64,
        kind: EventKind,
        origin: &Origin,
        detail: Option<&str>,
    ) -> anyhow::Result<()> {
        let event = AuditEvent::by_user(kind, user_id, origin, detail);
        Ok(record_event(&self.db.pool, &event).await?)
    }

    async fn throttled(&self, key: &str) -> anyhow::Result<bool> {
        let since = self.clock.now() - WRONG_CODE_WINDOW_SECS;
        Ok(failures_since(&self.db, key, since).await? >= MAX_WRONG_CODES)
    }

    fn now_secs(&self) -> u64 {
        u64::try_from(self.clock.now()).unwrap_or_default()
    }

    /// The key being set up (a new one if none is), as QR code, text and URI.
    pub async fn begin_setup(&self, user_id: i64, email: &str) -> anyhow::Result<SetupView> {
        let secret = match pending_secret(&self.db, user_id).await? {
            Some(sealed) => self.totp_sealer.open(&owner(user_id), &sealed)?,
            None => {
                let secret = generate_secret();
                let sealed = self.totp_sealer.seal(&owner(user_id), &secret);
                store_pending_secret(&self.db, user_id, &sealed, self.clock.now()).await?;
                secret
            }
        };
        let uri = otpauth_uri(&self.app_name, email, &secret);
        Ok(SetupView {
            qr_svg: qr_svg(&uri)?,
            grouped_key: grouped(&secret_base32(&secret)),
            uri,
        })
    }

    /// Checks a code from the app being set up; on success the key becomes the active one.
    pub async fn confirm_setup(
        &self,
        user_id: i64,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<CodeOutcome> {
        let throttle_key = format!("totp:{user_id}");
        if self.throttled(&throttle_key).await? {
            return Ok(CodeOutcome::Throttled);
        }
        let Some(sealed) = pending_secret(&self.db, user_id).await? else {
            return Ok(CodeOutcome::Wrong);
        };
        let secret = self.totp_sealer.open(&owner(user_id), &sealed)?;
        match matching_step(&secret, code, self.now_secs())? {
            Some(step)
                if activate_pending(&self.db, user_id, &sealed, step, self.clock.now()).await? =>
            {
                self.audit(user_id, EventKind::TotpVerified, origin, Some("set-up"))
                    .await?;
                Ok(CodeOutcome::Accepted)
            }
            _ => {
                record_failure(&self.db, &[&throttle_key], self.clock.now()).await?;
                self.audit(user_id, EventKind::TotpFailed, origin, Some("set-up"))
                    .await?;
                Ok(CodeOutcome::Wrong)
            }
        }
    }

    /// True when the user has an active authenticator key.
    pub async fn has_authenticator(&self, user_id: i64) -> anyhow::Result<bool> {
        Ok(active_secret(&self.db, user_id).await?.is_some())
    }

    /// Checks a code from the user's app at sign-in: ±1 step, each step once.
    pub async fn check_code(
        &self,
        user_id: i64,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<CodeOutcome> {
        let throttle_key = format!("totp:{user_id}");
        if self.throttled(&throttle_key).await? {
            return Ok(CodeOutcome::Throttled);
        }
        let Some(active) = active_secret(&self.db, user_id).await? else {
            return Ok(CodeOutcome::Wrong);
        };
        let secret = self.totp_sealer.open(&owner(user_id), &active.sealed)?;
        let Some(step) = matching_step(&secret, code, self.now_secs())? else {
            record_failure(&self.db, &[&throttle_key], self.clock.now()).await?;
            self.audit(user_id, EventKind::TotpFailed, origin, Some("sign-in"))
                .await?;
            return Ok(CodeOutcome::Wrong);
        };
        if claim_step(&self.db, user_id, step).await? {
            self.audit(user_id, EventKind::TotpVerified, origin, Some("sign-in"))
                .await?;
            Ok(CodeOutcome::Accepted)
        } else {
            record_failure(&self.db, &[&throttle_key], self.clock.now()).await?;
            self.audit(user_id, EventKind::TotpReplayRefused, origin, None)
                .await?;
            Ok(CodeOutcome::Replayed)
        }
    }

    /// Replaces the user's recovery codes with a new set and returns it, in clear, once.
    pub async fn generate_recovery_codes(
        &self,
        user_id: i64,
        origin: &Origin,
    ) -> anyhow::Result<Vec<String>> {
        let codes = recovery::generate_set();
        let macs: Vec<String> = codes
            .iter()
            .filter_map(|code| recovery::normalise(code))
            .map(|code| recovery::code_mac(&self.key, user_id, &code))
            .collect();
        replace_codes(&self.db, user_id, &macs, self.clock.now()).await?;
        self.audit(user_id, EventKind::RecoveryCodesGenerated, origin, None)
            .await?;
        Ok(codes)
    }

    pub async fn recovery_codes_left(&self, user_id: i64) -> anyhow::Result<i64> {
        Ok(count_unused(&self.db, user_id).await?)
    }

    /// Signs in with a recovery code: each works once, even when raced.
    pub async fn use_recovery_code(
        &self,
        user_id: i64,
        typed: &str,
        origin: &Origin,
    ) -> anyhow::Result<RecoveryOutcome> {
        let throttle_key = format!("recovery:{user_id}");
        if self.throttled(&throttle_key).await? {
            return Ok(RecoveryOutcome::Throttled);
        }
        if let Some(code) = recovery::normalise(typed) {
            let mac = recovery::code_mac(&self.key, user_id, &code);
            // Every stored code is compared, in constant time, whatever matched before.
            let matched = unused_codes(&self.db, user_id).await?.into_iter().fold(
                None,
                |found, (id, stored)| {
                    if recovery::macs_match(&mac, &stored) {
                        Some(id)
                    } else {
                        found
                    }
                },
            );
            if let Some(id) = matched
                && consume_code(&self.db, id, self.clock.now()).await?
            {
                let remaining = count_unused(&self.db, user_id).await?;
                self.audit(
                    user_id,
                    EventKind::RecoveryCodeUsed,
                    origin,
                    Some(&format!("{remaining} left")),
                )
                .await?;
                return Ok(RecoveryOutcome::Accepted { remaining });
            }
        }
        record_failure(&self.db, &[&throttle_key], self.clock.now()).await?;
        self.audit(user_id, EventKind::RecoveryCodeFailed, origin, None)
            .await?;
        Ok(RecoveryOutcome::Wrong)
    }

    /// Seals a fresh set for the session, so the codes page can be shown (and downloaded)
    /// until the user says they are saved, without the codes lying in clear anywhere.
    pub fn seal_for_display(&self, user_id: i64, codes: &[String]) -> String {
        self.display_sealer
            .seal(&owner(user_id), codes.join("\n").as_bytes())
    }

    pub fn open_for_display(&self, user_id: i64, sealed: &str) -> Option<Vec<String>> {
        let text = self.display_sealer.open(&owner(user_id), sealed).ok()?;
        Some(
            String::from_utf8(text)
                .ok()?
                .lines()
                .map(str::to_owned)
                .collect(),
        )
    }
}
