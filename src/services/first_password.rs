//! A first password for an account made with a phone number (PRODUCT.md rule 6), which has
//! none: once 2-step verification applies to it, phone sign-in asks for a password as
//! well. Its owner sets one from My security settings after a fresh code to the account's
//! verified number (the password cannot be confirmed, there being none). Audited, and
//! emailed when the account has a confirmed address.

use crate::db::audit_details as details;
use secrecy::SecretString;

use super::Services;
use super::notifications::Notice;
use super::sms_codes::{CheckOutcome, SendError};
use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::remove_all_devices;
use crate::db::sessions::delete_sessions_of_user;
use crate::db::users::{User, set_first_password_hash};
use crate::domain::codes::{Purpose, Subject};

impl Services {
    /// Texts a fresh code for setting a password to `phone`, the user's verified number.
    #[tracing::instrument(name = "Send the code for a first password", skip_all, fields(user_id = user.id))]
    pub async fn send_first_password_code(
        &self,
        user: &User,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        self.send_code(&Subject::User(user.id), Purpose::PasswordSet, phone, origin)
            .await
    }

    /// Checks the code for a first password; a right one is used up, and must have gone to
    /// the user's verified number as it is now.
    #[tracing::instrument(name = "Check the code for a first password", skip_all, fields(user_id = user.id))]
    pub async fn check_first_password_code(
        &self,
        user: &User,
        code: &str,
        origin: &Origin,
    ) -> Result<CheckOutcome, DbError> {
        let mut tx = self.db.begin().await?;
        let outcome = self
            .check_code(
                &mut tx,
                &Subject::User(user.id),
                Purpose::PasswordSet,
                code,
                origin,
            )
            .await?;
        tx.commit().await?;
        Ok(match outcome {
            CheckOutcome::Verified { phone } if user.verified_phone() != Some(phone.as_str()) => {
                CheckOutcome::NoCode
            }
            other => other,
        })
    }

    /// Sets the first password of an account that has none: every session and trusted
    /// device ends (the caller signs this one in again), as at a change of password.
    /// False when the account has a password by now.
    #[tracing::instrument(name = "Set a first password", skip_all, fields(user_id = user.id))]
    pub async fn set_first_password(
        &self,
        user: &User,
        password: SecretString,
        origin: &Origin,
    ) -> anyhow::Result<bool> {
        let hash = self.passwords.hash(password).await?;
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        if !set_first_password_hash(&mut tx, user.id, &hash, now).await? {
            return Ok(false);
        }
        delete_sessions_of_user(&mut *tx, user.id).await?;
        remove_all_devices(&mut *tx, user.id).await?;
        let event = AuditEvent::by_user(
            EventKind::PasswordSet,
            user.id,
            origin,
            Some(details::FIRST_PASSWORD_AFTER_PHONE_CODE),
        );
        self.audit(&mut tx, &event);
        if user.has_mailbox() {
            self.notify(&mut tx, user, origin, Notice::PasswordChanged)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
