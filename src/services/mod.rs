//! The use cases: domain rules, storage and providers put together. Each use case that
//! changes something runs in ONE database transaction that also holds its audit event and
//! its outbox email, so a change and its record commit together or not at all. The web
//! handlers and the command line call these; neither touches the database directly.

pub mod account;
pub mod admin;
pub mod api_keys;
pub mod applications;
pub mod audit;
pub mod factors;
pub mod first_password;
pub mod letters;
pub mod notifications;
pub mod oidc;
pub mod outbox;
pub mod password_reset;
pub mod phone_sign_in;
pub mod platform;
pub mod profile;
pub mod rooms;
pub mod secret_keys;
pub mod sessions;
pub mod sign_in;
pub mod sign_in_alerts;
pub mod signing_keys;
pub mod sms_codes;
pub mod temporary_codes;
pub mod throttle;
pub mod two_step;

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::audit::{AuditEvent, AuditRow, record_events};
use crate::db::links::{LinkKind, replace_link};
use crate::db::sealed::{MAIL_PURPOSE, SIGNING_KEY_PURPOSE, TOTP_PURPOSE};
use crate::db::{Db, DbError, Tx};
use crate::domain::keyring::Keyring;
use crate::domain::password::Passwords;
use crate::domain::sealing::Sealer;
use crate::domain::tokens::{random_token, token_digest};
use crate::sms::SmsProvider;
use platform::PlatformCache;

/// Everything a use case needs, built once at start and shared by every request.
pub struct Services {
    db: Db,
    clock: Clock,
    settings: Arc<Settings>,
    passwords: Passwords,
    provider: Arc<dyn SmsProvider>,
    platform: PlatformCache,
    /// The current secret key and the previous ones of a rotation.
    keyring: Keyring,
    /// The key of the stored keyed hashes (`secret_keys::mac_key`).
    mac_key: [u8; 32],
    /// Keys derived from the secret keys, one per purpose.
    totp_sealer: Sealer,
    display_sealer: Sealer,
    /// Seals the bodies of queued emails that carry a one-time link.
    mail_sealer: Sealer,
    /// Seals the private halves of the ID-token signing keys.
    key_sealer: Sealer,
    /// This instance's copy of the signing keys.
    signing_keys: signing_keys::KeyCache,
    /// The WebOTP host named in every text message.
    host: String,
    /// The passkey relying party; `None` when the public URL names an IP address.
    webauthn: Option<webauthn_rs::Webauthn>,
    /// Wakes this instance's background worker (a registration is waiting).
    wake_mail: Arc<tokio::sync::Notify>,
}

impl Services {
    pub fn new(
        db: Db,
        clock: Clock,
        settings: Arc<Settings>,
        passwords: Passwords,
        provider: Arc<dyn SmsProvider>,
        mac_key: [u8; 32],
    ) -> Self {
        let keyring = settings.keyring();
        Self {
            platform: PlatformCache::new(db.clone(), settings.platform_settings_ttl),
            totp_sealer: Sealer::new(&keyring, TOTP_PURPOSE),
            display_sealer: Sealer::new(&keyring, "recovery codes on display"),
            mail_sealer: Sealer::new(&keyring, MAIL_PURPOSE),
            key_sealer: Sealer::new(&keyring, SIGNING_KEY_PURPOSE),
            keyring,
            mac_key,
            signing_keys: signing_keys::KeyCache::default(),
            webauthn: factors::passkeys::relying_party(&settings.public_url, &settings.app_name),
            host: settings
                .public_url
                .host_str()
                .unwrap_or("localhost")
                .to_owned(),
            db,
            clock,
            settings,
            passwords,
            provider,
            wake_mail: Arc::new(tokio::sync::Notify::new()),
        }
    }

    pub fn metrics(&self) -> &crate::metrics::Metrics {
        &self.db.metrics
    }

    /// The metrics in the text format, with what the database says now: the outbox, this
    /// instance's pool, and today's texts to numbers no account has verified against the
    /// daily budget.
    pub async fn metrics_text(&self) -> Result<String, DbError> {
        let now = self.clock.now();
        let (outbox_unsent, oldest): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        )
        .fetch_one(&self.db.pool)
        .await?;
        let (sms_risky_today, _) = crate::db::challenges::sms_sent_by_kind_since(
            &self.db.pool,
            crate::domain::pumping::day_start(now),
        )
        .await?;
        let sms_budget = self.platform().await?.sms_limits.daily_budget;
        let idle = i64::try_from(self.db.pool.num_idle()).unwrap_or(0);
        let snapshot = crate::metrics::Snapshot {
            outbox_unsent,
            outbox_oldest_seconds: oldest.map_or(0, |at| (now - at).max(0)),
            pool_in_use: (i64::from(self.db.pool.size()) - idle).max(0),
            sms_risky_today,
            sms_budget,
        };
        Ok(self.db.metrics.render(&snapshot))
    }

    /// Resolves when a use case has work for the background worker, or never.
    pub async fn mail_work_waiting(&self) {
        self.wake_mail.notified().await;
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The database, for the session store (the one part outside the use cases: it is
    /// actix-session's storage).
    pub fn session_db(&self) -> Db {
        self.db.clone()
    }

    /// True when the database answers.
    pub async fn database_is_ready(&self) -> bool {
        self.db.is_ready().await
    }

    /// The current secret key and the previous ones of a rotation.
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// The key of keyed hashes that are stored for long: a rotation leaves it as it is.
    fn mac_key(&self) -> &[u8; 32] {
        &self.mac_key
    }

    /// Records an audit event inside the use case's transaction, at the portal's clock: it
    /// is written with the transaction's other events when it commits.
    fn audit(&self, tx: &mut Tx, event: &AuditEvent<'_>) {
        tx.record(AuditRow::new(event, self.clock.now()));
    }

    /// Records an audit event that is the whole of its use case (nothing else changes).
    async fn audit_alone(&self, event: &AuditEvent<'_>) -> Result<(), DbError> {
        self.record_alone(AuditRow::new(event, self.clock.now()))
            .await
    }

    /// Writes one audit row that is the whole of its use case.
    async fn record_alone(&self, row: AuditRow) -> Result<(), DbError> {
        let _turn = self.db.write_turn().await;
        let rows = [row];
        record_events(&self.db.pool, &rows).await?;
        self.db
            .metrics
            .recorded(rows.iter().map(AuditRow::name_and_detail));
        Ok(())
    }
}

/// A new one-time link of `kind` for the user, valid `lifetime` seconds from `now`: their
/// older links of the kind stop working. Answers the token, which only the email carries;
/// the database keeps its digest.
async fn new_link(
    tx: &mut Tx,
    kind: LinkKind,
    user_id: i64,
    now: i64,
    lifetime: i64,
) -> Result<String, DbError> {
    let token = random_token();
    replace_link(
        tx,
        kind,
        user_id,
        &token_digest(&token),
        now,
        now + lifetime,
    )
    .await?;
    Ok(token)
}
