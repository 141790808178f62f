//! Turning 2-step verification on, switching method, removing a factor, turning it off.
//! Each change commits with its audit event and its email; the first method turned on
//! comes with a first set of recovery codes.

use super::Services;
use super::authenticator::CodeOutcome;
use super::notifications::Notice;
use super::sms_codes::{CheckOutcome, SendError};
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::{TrustedDevice, list_devices, remove_all_devices};
use crate::db::groups::group_rules_of_user;
use crate::db::recovery::count_unused;
use crate::db::recovery::delete_codes;
use crate::db::sessions::{SessionSummary, list_sessions};
use crate::db::totp::active_secret;
use crate::db::totp::{activate_pending, delete_secrets};
use crate::db::users::{
    User, disable_two_step, enable_sms_two_step, forget_phone_verification, set_two_step_method,
};
use crate::db::{DbError, Tx};
use crate::domain::codes::{Purpose, Subject};
use crate::domain::factors::FactorMethod;
use crate::domain::phone::{PhoneProblem, mask_phone, normalise_sms_phone};
use crate::domain::policy::{Requirement, requirement};

/// Enrolling a first phone and replacing one are different purposes: a code for one never
/// completes the other.
pub fn phone_purpose(user: &User) -> Purpose {
    if user.sms_phone().is_some() {
        Purpose::PhoneChange
    } else {
        Purpose::PhoneEnrolment
    }
}

/// Why a code could not be sent to a new number.
#[derive(Debug, thiserror::Error)]
pub enum PhoneCodeError {
    #[error(transparent)]
    Invalid(#[from] PhoneProblem),
    #[error("this is already the user's number")]
    SameNumber,
    #[error(transparent)]
    Send(#[from] SendError),
}

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
}

/// The second factors a user has set up: a verified phone while 2-step verification is
/// on, and an authenticator app.
fn configured(user: &User, has_app: bool) -> Vec<FactorMethod> {
    let mut factors = Vec::new();
    if user.verified_phone().is_some() && user.has_two_step() {
        factors.push(FactorMethod::Sms);
    }
    if has_app {
        factors.push(FactorMethod::Authenticator);
    }
    factors
}

/// The state of a user's security settings.
pub struct SecurityOverview {
    pub factors: Vec<FactorMethod>,
    pub codes_left: i64,
    pub devices: Vec<TrustedDevice>,
    pub sessions: Vec<SessionSummary>,
}

impl Services {
    /// What the policy asks of this user now: the platform setting, their groups and
    /// whether they are an administrator.
    pub async fn requirement(&self, user: &User) -> Result<Requirement, DbError> {
        let platform = self.platform().await?;
        let groups = group_rules_of_user(&self.db.pool, user.id).await?;
        Ok(requirement(
            &platform,
            user.is_admin(),
            &groups,
            self.clock.now(),
        ))
    }

    /// True when the policy requires 2-step verification of this user.
    pub async fn two_step_required(&self, user: &User) -> Result<bool, DbError> {
        Ok(self.requirement(user).await?.is_required())
    }

    /// Sends a code to a number typed on the phone page.
    pub async fn send_phone_code(
        &self,
        user: &User,
        typed: &str,
        origin: &Origin,
    ) -> Result<String, PhoneCodeError> {
        let platform = self.platform().await.map_err(SendError::from)?;
        let phone = normalise_sms_phone(typed, &platform.sms_allowed_countries)?;
        if user.sms_phone() == Some(phone.as_str()) {
            return Err(PhoneCodeError::SameNumber);
        }
        self.send_code(&Subject::User(user.id), phone_purpose(user), &phone, origin)
            .await?;
        Ok(phone)
    }

    /// "Send again" on the phone code page.
    pub async fn resend_phone_code(
        &self,
        user: &User,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        self.send_code(&Subject::User(user.id), phone_purpose(user), phone, origin)
            .await
    }

    /// Records that the user's codes now come from `method`, whether 2-step verification
    /// was just turned on or switched: audited, emailed, and on the first time a first set
    /// of recovery codes.
    async fn method_now(
        &self,
        tx: &mut Tx,
        user: &User,
        method: &str,
        origin: &Origin,
    ) -> Result<FactorOn, DbError> {
        let first_time = !user.has_two_step();
        let (kind, notice) = if first_time {
            (EventKind::TwoStepEnabled, Notice::TwoStepOn { method })
        } else {
            (EventKind::MethodChanged, Notice::MethodChanged { method })
        };
        self.audit(
            tx,
            &AuditEvent::by_user(kind, user.id, origin, Some(method)),
        );
        self.notify(tx, user, origin, notice).await?;
        let first_codes = if first_time {
            self.first_recovery_codes(tx, user.id, origin).await?
        } else {
            None
        };
        Ok(FactorOn::Enabled { first_codes })
    }

    /// Checks the code sent to a new phone; a right one turns SMS on with that number (or
    /// replaces the number).
    #[tracing::instrument(name = "Verify a new phone", skip_all, fields(user_id = user.id))]
    pub async fn verify_phone(
        &self,
        user: &User,
        code: &str,
        origin: &Origin,
    ) -> Result<Result<FactorOn, CheckOutcome>, DbError> {
        let purpose = phone_purpose(user);
        let mut tx = self.db.begin().await?;
        let outcome = self
            .check_code(&mut tx, &Subject::User(user.id), purpose, code, origin)
            .await?;
        let CheckOutcome::Verified { phone } = outcome else {
            tx.commit().await?;
            return Ok(Err(outcome));
        };
        enable_sms_two_step(&mut *tx, user.id, &phone, self.clock.now()).await?;
        let masked = mask_phone(&phone);
        let result = if purpose == Purpose::PhoneChange {
            let event =
                AuditEvent::by_user(EventKind::PhoneChanged, user.id, origin, Some(&masked));
            self.audit(&mut tx, &event);
            self.notify(
                &mut tx,
                user,
                origin,
                Notice::PhoneChanged { phone: &masked },
            )
            .await?;
            FactorOn::PhoneChanged
        } else {
            let method = format!("text messages to {masked}");
            self.method_now(&mut tx, user, &method, origin).await?
        };
        tx.commit().await?;
        Ok(Ok(result))
    }

    /// Switches back to text messages to the number verified before. `None` when there
    /// is no such number.
    pub async fn use_saved_phone(
        &self,
        user: &User,
        origin: &Origin,
    ) -> Result<Option<FactorOn>, DbError> {
        let Some(phone) = user.verified_phone() else {
            return Ok(None);
        };
        let mut tx = self.db.begin().await?;
        enable_sms_two_step(&mut *tx, user.id, phone, self.clock.now()).await?;
        let method = format!("text messages to {}", mask_phone(phone));
        let on = self.method_now(&mut tx, user, &method, origin).await?;
        tx.commit().await?;
        Ok(Some(on))
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
            .method_now(&mut tx, user, "an authenticator app", origin)
            .await?;
        tx.commit().await?;
        Ok(Ok(on))
    }

    /// The factors the user has configured, active or kept.
    pub async fn configured_factors(&self, user: &User) -> Result<Vec<FactorMethod>, DbError> {
        Ok(configured(user, self.has_authenticator(user.id).await?))
    }

    /// What "My security settings" shows, read on one connection.
    pub async fn security_overview(&self, user: &User) -> Result<SecurityOverview, DbError> {
        let mut conn = self.db.pool.acquire().await?;
        let now = self.clock.now();
        let has_app = active_secret(&mut *conn, user.id).await?.is_some();
        Ok(SecurityOverview {
            factors: configured(user, has_app),
            codes_left: count_unused(&mut *conn, user.id).await?,
            devices: list_devices(&mut *conn, user.id, now).await?,
            sessions: list_sessions(&mut *conn, user.id, now).await?,
        })
    }

    /// Removes one factor. The active method may go only while 2-step verification is not
    /// required; then the other factor takes over, or, with none left, 2-step
    /// verification is turned off.
    #[tracing::instrument(name = "Remove a sign-in method", skip_all, fields(user_id = user.id))]
    pub async fn remove_factor(
        &self,
        user: &User,
        method: FactorMethod,
        origin: &Origin,
    ) -> Result<Result<(), RemoveRefusal>, DbError> {
        let factors = self.configured_factors(user).await?;
        if !factors.contains(&method) {
            return Ok(Err(RemoveRefusal::NotConfigured));
        }
        let active = user.method() == Some(method);
        if active && self.two_step_required(user).await? {
            return Ok(Err(RemoveRefusal::Required));
        }
        let other = factors.into_iter().find(|f| *f != method);
        if active && other.is_none() {
            self.turn_off(user, origin).await?;
            return Ok(Ok(()));
        }
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        match method {
            FactorMethod::Sms => forget_phone_verification(&mut *tx, user.id, now).await?,
            FactorMethod::Authenticator => {
                delete_secrets(&mut *tx, user.id).await?;
            }
        }
        if let (true, Some(other)) = (active, other) {
            set_two_step_method(&mut *tx, user.id, other, now).await?;
        }
        let event = AuditEvent::by_user(
            EventKind::FactorRemoved,
            user.id,
            origin,
            Some(method.as_str()),
        );
        self.audit(&mut tx, &event);
        self.notify(
            &mut tx,
            user,
            origin,
            Notice::FactorRemoved {
                method: method.label(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Turns 2-step verification off: the authenticator key, the recovery codes and the
    /// trusted devices go with it (turning it on again starts afresh).
    #[tracing::instrument(name = "Turn off 2-step verification", skip_all, fields(user_id = user.id))]
    pub async fn turn_off(&self, user: &User, origin: &Origin) -> Result<(), DbError> {
        let mut tx = self.db.begin().await?;
        disable_two_step(&mut *tx, user.id, self.clock.now()).await?;
        delete_secrets(&mut *tx, user.id).await?;
        delete_codes(&mut *tx, user.id).await?;
        remove_all_devices(&mut *tx, user.id).await?;
        let event = AuditEvent::by_user(EventKind::TwoStepDisabled, user.id, origin, None);
        self.audit(&mut tx, &event);
        self.notify(&mut tx, user, origin, Notice::TwoStepOff)
            .await?;
        tx.commit().await
    }
}
