//! Text messages: a phone number verified by a code becomes the factor (or replaces the
//! number), and switching back to a number verified before.

use super::FactorOn;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::users::{User, enable_sms_two_step, forget_phone_verification};
use crate::db::{DbError, Tx};
use crate::domain::codes::{Purpose, Subject};
use crate::domain::factors::FactorMethod;
use crate::domain::phone::{PhoneProblem, mask_phone};
use crate::services::Services;
use crate::services::notifications::Notice;
use crate::services::sms_codes::{CheckOutcome, SendError};

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

/// A verified phone is a factor while 2-step verification is on.
pub(super) fn is_configured(user: &User) -> bool {
    user.verified_phone().is_some() && user.has_two_step()
}

/// The phone stops being a factor; the number stays on the profile.
pub(super) async fn forget(tx: &mut Tx, user_id: i64, now: i64) -> Result<(), DbError> {
    forget_phone_verification(&mut **tx, user_id, now).await
}

impl Services {
    /// Sends a code to a number typed on the phone page.
    pub async fn send_phone_code(
        &self,
        user: &User,
        typed: &str,
        origin: &Origin,
    ) -> Result<String, PhoneCodeError> {
        let platform = self.platform().await.map_err(SendError::from)?;
        let phone = platform.sms_phone(typed)?;
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
            self.method_now(&mut tx, user, FactorMethod::Sms, Some(&masked), origin)
                .await?
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
        let masked = mask_phone(phone);
        let on = self
            .method_now(&mut tx, user, FactorMethod::Sms, Some(&masked), origin)
            .await?;
        tx.commit().await?;
        Ok(Some(on))
    }
}
