//! Authenticator apps (TOTP): the key being set up and confirmed, and checking codes from
//! the app. A wrong code is an attempt reserved against the limit before the code is
//! checked.

use super::FactorOn;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::totp::{
    activate_pending, active_secret, claim_step, delete_secrets, pending_secret,
    store_pending_secret,
};
use crate::db::users::{User, set_two_step_method};
use crate::db::{DbError, Tx};
use crate::domain::factors::FactorMethod;
use crate::domain::totp::{
    generate_secret, grouped, matching_step, otpauth_uri, qr_svg, secret_base32,
};
use crate::services::Services;
use crate::services::throttle::{Limit, MAX_WRONG_CODES, WRONG_CODE_WINDOW_SECS};

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

pub(crate) fn owner(user_id: i64) -> String {
    format!("user:{user_id}")
}

/// The app stops being a factor: its key (active or being set up) is deleted.
pub(super) async fn forget(tx: &mut Tx, user_id: i64) -> Result<(), DbError> {
    delete_secrets(&mut **tx, user_id).await?;
    Ok(())
}

impl Services {
    fn now_secs(&self) -> u64 {
        u64::try_from(self.clock.now()).unwrap_or_default()
    }

    /// The user's limit on wrong codes of one kind ("totp", "recovery").
    pub(crate) fn code_limit(&self, what: &str, user_id: i64) -> Limit {
        self.limit(what, &user_id.to_string(), MAX_WRONG_CODES)
    }

    /// Begins the transaction of a code check under the user's limit; `None` when too many
    /// wrong codes were tried lately.
    pub(crate) async fn begin_code_check(&self, limit: &Limit) -> Result<Option<Tx>, DbError> {
        self.begin_limited(limit, WRONG_CODE_WINDOW_SECS).await
    }

    /// The key being set up (a new one if none is), as QR code, text and URI.
    pub async fn begin_app_setup(&self, user_id: i64, email: &str) -> anyhow::Result<SetupView> {
        let secret = match pending_secret(&self.db.pool, user_id).await? {
            Some(sealed) => self.totp_sealer.open(&owner(user_id), &sealed)?,
            None => {
                let secret = generate_secret();
                let sealed = self.totp_sealer.seal(&owner(user_id), &secret);
                store_pending_secret(&self.db.pool, user_id, &sealed, self.clock.now()).await?;
                secret
            }
        };
        let app_name = self.platform().await?.app_name;
        let uri = otpauth_uri(&app_name, email, &secret);
        Ok(SetupView {
            qr_svg: qr_svg(&uri)?,
            grouped_key: grouped(&secret_base32(&secret)),
            uri,
        })
    }

    /// The step a code from the key being set up matches, with the sealed key it was
    /// checked against (activation is conditional on it).
    pub(crate) async fn pending_app_step(
        &self,
        user_id: i64,
        code: &str,
    ) -> anyhow::Result<Option<(String, i64)>> {
        let Some(sealed) = pending_secret(&self.db.pool, user_id).await? else {
            return Ok(None);
        };
        let secret = self.totp_sealer.open(&owner(user_id), &sealed)?;
        Ok(matching_step(&secret, code, self.now_secs())?.map(|step| (sealed, step)))
    }

    /// Checks a code from the app being set up; a right one makes it the active method.
    #[tracing::instrument(name = "Confirm an authenticator app", skip_all, fields(user_id = user.id))]
    pub async fn confirm_app(
        &self,
        user: &User,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<Result<FactorOn, CodeOutcome>> {
        let matched = self.pending_app_step(user.id, code).await?;
        let limit = self.code_limit("totp", user.id);
        let Some(mut tx) = self.begin_code_check(&limit).await? else {
            return Ok(Err(CodeOutcome::Throttled));
        };
        let activated = match &matched {
            Some((sealed, step)) => {
                activate_pending(&mut *tx, user.id, sealed, *step, self.clock.now()).await?
            }
            None => false,
        };
        let kind = if activated {
            EventKind::TotpVerified
        } else {
            EventKind::TotpFailed
        };
        self.audit(
            &mut tx,
            &AuditEvent::by_user(kind, user.id, origin, Some("set-up")),
        );
        if !activated {
            self.count_failure(&mut tx, &limit).await?;
            tx.commit().await?;
            return Ok(Err(CodeOutcome::Wrong));
        }
        set_two_step_method(
            &mut *tx,
            user.id,
            FactorMethod::Authenticator,
            self.clock.now(),
        )
        .await?;
        let on = self
            .method_now(&mut tx, user, FactorMethod::Authenticator, None, origin)
            .await?;
        tx.commit().await?;
        Ok(Ok(on))
    }

    /// True when the user has an active authenticator key.
    pub async fn has_authenticator(&self, user_id: i64) -> Result<bool, DbError> {
        Ok(active_secret(&self.db.pool, user_id).await?.is_some())
    }

    /// Checks a code from the user's app at sign-in (±1 step, each step once) against the
    /// active key read with the user (`sealed`), inside the caller's transaction, after the
    /// attempt was reserved.
    pub(crate) async fn check_app_code(
        &self,
        tx: &mut Tx,
        user_id: i64,
        sealed: Option<&str>,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<CodeOutcome> {
        let event = |kind, detail| AuditEvent::by_user(kind, user_id, origin, detail);
        let step = match sealed {
            Some(sealed) => {
                let secret = self.totp_sealer.open(&owner(user_id), sealed)?;
                matching_step(&secret, code, self.now_secs())?.map(|step| (sealed, step))
            }
            None => None,
        };
        let Some((sealed, step)) = step else {
            self.audit(tx, &event(EventKind::TotpFailed, Some("sign-in")));
            return Ok(CodeOutcome::Wrong);
        };
        if claim_step(&mut **tx, user_id, sealed, step).await? {
            self.audit(tx, &event(EventKind::TotpVerified, Some("sign-in")));
            return Ok(CodeOutcome::Accepted);
        }
        // Not claimed: the step was used already, or the key changed since it was read.
        let still_active = active_secret(&mut **tx, user_id)
            .await?
            .is_some_and(|active| active.sealed == sealed);
        if still_active {
            self.audit(tx, &event(EventKind::TotpReplayRefused, None));
            Ok(CodeOutcome::Replayed)
        } else {
            self.audit(tx, &event(EventKind::TotpFailed, Some("sign-in")));
            Ok(CodeOutcome::Wrong)
        }
    }
}
