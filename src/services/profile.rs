//! The profile phone number (PRODUCT.md rule 7): while "Users can edit their profile" is
//! on, a user changes it and the new number is kept only once a code sent to it is
//! entered; otherwise an administrator enters it in the control center.

use super::Services;
use super::factors::sms::PhoneCodeError;
use super::notifications::Notice;
use super::sms_codes::{CheckOutcome, SendError};
use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::users::{User, set_language, set_verified_profile_phone};
use crate::domain::codes::{Purpose, Subject};
use crate::domain::language::Language;
use crate::domain::phone::mask_phone;

/// What a right code on a new profile number, or a refusal, led to.
pub enum ProfilePhone {
    Changed,
    /// "Users can edit their profile" is off.
    NotAllowed,
    Failed(CheckOutcome),
}

impl Services {
    /// Saves the language `user_id` chose (`None`: follow the browser). Always allowed: a
    /// language is the person's own, whatever "Users can edit their profile" says.
    pub async fn set_language(
        &self,
        user_id: i64,
        language: Option<Language>,
    ) -> Result<(), DbError> {
        let _turn = self.db.write_turn().await;
        set_language(
            &self.db.pool,
            user_id,
            language.map(Language::code),
            self.clock.now(),
        )
        .await
    }

    /// Whether users may change their own profile phone number now.
    pub async fn users_edit_profile(&self) -> Result<bool, DbError> {
        Ok(self.platform().await?.users_edit_profile)
    }

    /// Sends a code to the new number typed on the profile; the number is kept only once
    /// the code comes back. `None` when users may not edit their profile.
    pub async fn send_profile_phone_code(
        &self,
        user: &User,
        typed: &str,
        origin: &Origin,
    ) -> Result<Option<String>, PhoneCodeError> {
        let platform = self.platform().await.map_err(SendError::from)?;
        if !platform.users_edit_profile {
            return Ok(None);
        }
        let phone = platform.sms_phone(typed)?;
        if user.verified_phone() == Some(phone.as_str()) {
            return Err(PhoneCodeError::SameNumber);
        }
        self.resend_profile_phone_code(user, &phone, origin).await?;
        Ok(Some(phone))
    }

    pub async fn resend_profile_phone_code(
        &self,
        user: &User,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        self.send_code(
            &Subject::User(user.id),
            Purpose::ProfilePhone,
            phone,
            origin,
        )
        .await
    }

    /// Checks the code sent to the new profile number; a right one keeps the number as
    /// verified, audited and emailed in one transaction.
    #[tracing::instrument(name = "Verify a new profile phone", skip_all, fields(user_id = user.id))]
    pub async fn verify_profile_phone(
        &self,
        user: &User,
        code: &str,
        origin: &Origin,
    ) -> Result<ProfilePhone, DbError> {
        if !self.users_edit_profile().await? {
            return Ok(ProfilePhone::NotAllowed);
        }
        let mut tx = self.db.begin().await?;
        let outcome = self
            .check_code(
                &mut tx,
                &Subject::User(user.id),
                Purpose::ProfilePhone,
                code,
                origin,
            )
            .await?;
        let CheckOutcome::Verified { phone } = outcome else {
            tx.commit().await?;
            return Ok(ProfilePhone::Failed(outcome));
        };
        set_verified_profile_phone(&mut *tx, user.id, &phone, self.clock.now()).await?;
        let masked = mask_phone(&phone);
        let event = AuditEvent::by_user(
            EventKind::ProfilePhoneChanged,
            user.id,
            origin,
            Some(&masked),
        );
        self.audit(&mut tx, &event);
        self.notify(
            &mut tx,
            user,
            origin,
            Notice::PhoneChanged { phone: &masked },
        )
        .await?;
        tx.commit().await?;
        Ok(ProfilePhone::Changed)
    }
}
