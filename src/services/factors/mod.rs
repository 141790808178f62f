//! The second factors, one file each — passkeys and security keys (`passkeys`), text
//! messages (`sms`), the authenticator app (`authenticator`) and the recovery codes that
//! stand in for any of them (`recovery`) — and,
//! here, the questions they share, answered once: what a user has configured, removing
//! one method, removing them all (turning 2-step verification off, an administrator's
//! reset). Each change commits with its audit event and its email; the first method
//! turned on comes with a first set of recovery codes.
//!
//! Every `match` on `FactorMethod` here and in the method files names each method: a new
//! one is a new variant and a new file, and the compiler lists the rest.

pub mod authenticator;
pub mod passkeys;
pub mod recovery;
pub mod sms;

use super::Services;
use super::notifications::Notice;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::audit_details as details;
use crate::db::devices::remove_all_devices;
use crate::db::users::{User, clear_two_step_method, set_two_step_method};
use crate::db::{DbError, Tx};
use crate::domain::factors::FactorMethod;

/// What a right code on a new phone, or a confirmed app, led to.
pub enum FactorOn {
    /// On; carries the first recovery codes when this turned 2-step verification on.
    Enabled { first_codes: Option<Vec<String>> },
    /// The phone number was replaced.
    PhoneChanged,
}

/// Why a factor cannot be removed.
#[derive(Debug, PartialEq, Eq)]
pub enum RemoveRefusal {
    /// The user has no such factor.
    NotConfigured,
    /// It is the active method and 2-step verification is required for the user.
    Required,
    /// It is the user's last passkey, and they are held to passkeys.
    PasskeysOnly,
}

/// What removing a factor the user may remove does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Removal {
    /// It is the method sign-in codes come from now.
    pub active: bool,
    /// The factor that remains, if any: it takes over when the removed one was active;
    /// with none, 2-step verification turns off.
    pub other: Option<FactorMethod>,
}

/// What a user holds besides their row: an active authenticator key, passkeys.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Held {
    pub app: bool,
    pub passkeys: bool,
}

/// True when the user has set up `method`: a verified phone while 2-step verification is
/// on, an authenticator app (an active key), at least one passkey.
fn is_configured(user: &User, method: FactorMethod, held: Held) -> bool {
    match method {
        FactorMethod::Sms => sms::is_configured(user),
        FactorMethod::Authenticator => held.app,
        FactorMethod::Passkey => held.passkeys,
    }
}

/// The second factors a user has set up, in `FactorMethod::ALL`'s order.
pub(crate) fn configured(user: &User, held: Held) -> Vec<FactorMethod> {
    FactorMethod::ALL
        .into_iter()
        .filter(|method| is_configured(user, *method, held))
        .collect()
}

/// Deletes what makes `method` a factor of the user; which method is active is the
/// caller's.
async fn forget(tx: &mut Tx, user_id: i64, method: FactorMethod, now: i64) -> Result<(), DbError> {
    match method {
        FactorMethod::Sms => sms::forget(tx, user_id, now).await,
        FactorMethod::Authenticator => authenticator::forget(tx, user_id).await,
        FactorMethod::Passkey => passkeys::forget(tx, user_id).await,
    }
}

/// Removes every factor of the user, inside the caller's transaction: no method is
/// active, the phone is no longer a factor (the number stays on the profile), and the
/// authenticator key, the recovery codes and the trusted devices go (turning it on again
/// starts afresh). Turning off and an administrator's reset both end here.
pub(crate) async fn remove_all(tx: &mut Tx, user_id: i64, now: i64) -> Result<(), DbError> {
    clear_two_step_method(&mut **tx, user_id, now).await?;
    for method in FactorMethod::ALL {
        forget(tx, user_id, method, now).await?;
    }
    recovery::forget(tx, user_id).await?;
    remove_all_devices(&mut **tx, user_id).await?;
    Ok(())
}

impl Services {
    /// Records that the user's codes now come from `method` (text messages to `phone`,
    /// masked), whether 2-step verification was just turned on or switched: audited,
    /// emailed, and on the first time a first set of recovery codes.
    async fn method_now(
        &self,
        tx: &mut Tx,
        user: &User,
        method: FactorMethod,
        phone: Option<&str>,
        origin: &Origin,
    ) -> Result<FactorOn, DbError> {
        let first_time = !user.has_two_step();
        let (kind, notice) = if first_time {
            (
                EventKind::TwoStepEnabled,
                Notice::TwoStepOn { method, phone },
            )
        } else {
            (
                EventKind::MethodChanged,
                Notice::MethodChanged { method, phone },
            )
        };
        // The audit log keeps its stored spelling; the email words it for the reader.
        let detail = match method {
            FactorMethod::Sms => {
                format!("{}{}", details::TEXT_MESSAGES_TO, phone.unwrap_or_default())
            }
            FactorMethod::Authenticator => details::AUTHENTICATOR_APP.to_owned(),
            FactorMethod::Passkey => method.as_str().to_owned(),
        };
        self.audit(
            tx,
            &AuditEvent::by_user(kind, user.id, origin, Some(&detail)),
        );
        self.notify(tx, user, origin, notice).await?;
        let first_codes = if first_time {
            self.first_recovery_codes(tx, user.id, origin).await?
        } else {
            None
        };
        Ok(FactorOn::Enabled { first_codes })
    }

    /// The factors the user has configured, active or kept.
    pub async fn configured_factors(&self, user: &User) -> Result<Vec<FactorMethod>, DbError> {
        let held = Held {
            app: self.has_authenticator(user.id).await?,
            passkeys: self.passkey_count(user.id).await? > 0,
        };
        Ok(configured(user, held))
    }

    /// Whether the user may remove `method`, and what removing it does. The active
    /// method may go only while 2-step verification is not required; passkeys (the last
    /// one: others go one by one) only while the user is not held to them.
    pub async fn removal(
        &self,
        user: &User,
        method: FactorMethod,
    ) -> Result<Result<Removal, RemoveRefusal>, DbError> {
        let factors = self.configured_factors(user).await?;
        if !factors.contains(&method) {
            return Ok(Err(RemoveRefusal::NotConfigured));
        }
        let active = user.method() == Some(method);
        let (requirement, methods) = self.policy_of(user).await?;
        if active && requirement.is_required() {
            return Ok(Err(RemoveRefusal::Required));
        }
        if method == FactorMethod::Passkey && methods.passkeys_only() {
            return Ok(Err(RemoveRefusal::PasskeysOnly));
        }
        let other = factors.into_iter().find(|f| *f != method);
        Ok(Ok(Removal { active, other }))
    }

    /// Removes one factor (see `removal`): then the other factor takes over, or, with
    /// none left, 2-step verification is turned off.
    #[tracing::instrument(name = "Remove a sign-in method", skip_all, fields(user_id = user.id))]
    pub async fn remove_factor(
        &self,
        user: &User,
        method: FactorMethod,
        origin: &Origin,
    ) -> Result<Result<(), RemoveRefusal>, DbError> {
        let removal = match self.removal(user, method).await? {
            Ok(removal) => removal,
            Err(refusal) => return Ok(Err(refusal)),
        };
        if removal.active && removal.other.is_none() {
            self.turn_off(user, origin).await?;
            return Ok(Ok(()));
        }
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        forget(&mut tx, user.id, method, now).await?;
        if let (true, Some(other)) = (removal.active, removal.other) {
            set_two_step_method(&mut *tx, user.id, other, now).await?;
        }
        let event = AuditEvent::by_user(
            EventKind::FactorRemoved,
            user.id,
            origin,
            Some(method.as_str()),
        );
        self.audit(&mut tx, &event);
        self.notify(&mut tx, user, origin, Notice::FactorRemoved { method })
            .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Turns 2-step verification off: every factor goes with it (`remove_all`).
    #[tracing::instrument(name = "Turn off 2-step verification", skip_all, fields(user_id = user.id))]
    pub async fn turn_off(&self, user: &User, origin: &Origin) -> Result<(), DbError> {
        let mut tx = self.db.begin().await?;
        remove_all(&mut tx, user.id, self.clock.now()).await?;
        let event = AuditEvent::by_user(EventKind::TwoStepDisabled, user.id, origin, None);
        self.audit(&mut tx, &event);
        self.notify(&mut tx, user, origin, Notice::TwoStepOff)
            .await?;
        tx.commit().await
    }
}
