//! Signing in and registering with a phone number (PRODUCT.md rule 6). A code to a phone
//! is one factor: a user who uses or must use 2-step verification also gives their
//! password before the sign-in completes.
//!
//! Nothing here tells whether a number has an account. The request that asks for a
//! sign-in code does the same work for every number (one read) and the code is sent by a
//! background task, so neither the answer, its timing nor a provider failure says more.
//! An unknown number is sent nothing, unless registration by phone is open: then it gets
//! a code, and the right code leads on to "Name" and "Email" instead of into an account.

use crate::db::audit_details as details;
use secrecy::SecretString;

use super::Services;
use super::account::PasswordCheck;
use super::factors::authenticator::CodeOutcome;
use super::sms_codes::{CheckOutcome, SendError};
use super::throttle::REGISTRATIONS_PER_IP;
use crate::db::DbError;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::users::{
    User, find_user_by_email, find_user_by_verified_phone, find_user_signing_in, insert_phone_user,
    pending_email_of,
};
use crate::domain::codes::{Purpose, Subject};
use crate::domain::phone::{PhoneProblem, mask_phone};
use crate::domain::tokens::random_token;

/// Who a phone sign-in is for: the typed number, and the account that verified it. Kept
/// in the server-side session; never shown.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct PhoneTarget {
    pub phone: String,
    pub account: Option<i64>,
}

/// What a right or wrong phone sign-in code led to.
pub enum PhoneCheck {
    /// Signed in with the code alone (the user neither uses nor must use 2-step
    /// verification).
    SignedIn(User),
    /// The code was right; the password is owed before the sign-in completes.
    PasswordOwed(User),
    /// The code was right, but the account is held to passkeys and has one: it signs in
    /// with its passkey, never with a phone code and a password.
    PasskeyOwed,
    /// The code was right for a number no account has: registration may go on.
    PhoneProven,
    Failed(CheckOutcome),
    /// A number no account has, with registration by phone closed: no code was sent, so
    /// the caller answers as a wrong code would (the session counts the tries).
    NothingSent,
}

/// What the name-and-email step of phone registration led to.
pub enum PhoneRegistration {
    /// A new account, with the number verified; its address waits for the emailed link.
    Created(User),
    /// The number already belongs to an account, which the code proved the person owns.
    Existing(User),
    /// Too many accounts from this client address.
    Refused,
}

impl Services {
    /// Registration by phone is open: phone sign-in is on and people may create their own
    /// accounts.
    pub async fn phone_registration_open(&self) -> Result<bool, DbError> {
        let platform = self.platform().await?;
        Ok(platform.phone_sign_in && platform.open_registration)
    }

    /// The number as stored (E.164), or why it cannot receive codes.
    pub async fn sms_number(&self, typed: &str) -> Result<Result<String, PhoneProblem>, DbError> {
        let platform = self.platform().await?;
        Ok(platform.sms_phone(typed))
    }

    /// Whose sign-in a number starts: one read, whatever the number.
    pub async fn phone_target(&self, phone: &str) -> Result<PhoneTarget, DbError> {
        let account = find_user_by_verified_phone(&self.db.pool, phone)
            .await?
            .filter(|user| !user.is_disabled())
            .map(|user| user.id);
        Ok(PhoneTarget {
            phone: phone.to_owned(),
            account,
        })
    }

    /// Sends the phone sign-in code (run in the background: its outcome is logged and
    /// audited, never shown). An account's verified number gets a sign-in code (the safe
    /// kind); an unknown number gets a code only while registration by phone is open (the
    /// risky kind), otherwise nothing.
    #[tracing::instrument(name = "Send a phone sign-in code", skip_all)]
    pub async fn send_phone_sign_in_code(
        &self,
        target: &PhoneTarget,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let masked = mask_phone(&target.phone);
        let (subject, detail) = match target.account {
            Some(id) => (Some(Subject::User(id)), format!("{masked}: account")),
            None if self.phone_registration_open().await? => (
                Some(Subject::Phone(target.phone.clone())),
                format!("{masked}: {}", details::NO_ACCOUNT_REGISTRATION_OPEN),
            ),
            None => (
                None,
                format!("{masked}: {}", details::NO_ACCOUNT_NOTHING_SENT),
            ),
        };
        self.audit_alone(&AuditEvent {
            kind: EventKind::PhoneSignInCodeRequested,
            actor_user_id: target.account,
            subject_user_id: target.account,
            origin,
            detail: Some(&detail),
        })
        .await?;
        let Some(subject) = subject else {
            return Ok(());
        };
        match self
            .send_code(&subject, Purpose::PhoneSignIn, &target.phone, origin)
            .await
        {
            Ok(()) | Err(SendError::Refused(_) | SendError::Provider(_)) => Ok(()),
            Err(SendError::Unexpected(err)) => Err(DbError::Protocol(err.to_string())),
        }
    }

    /// Checks a phone sign-in code.
    #[tracing::instrument(name = "Check a phone sign-in code", skip_all)]
    pub async fn check_phone_sign_in(
        &self,
        target: &PhoneTarget,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<PhoneCheck> {
        let subject = match target.account {
            Some(id) => Subject::User(id),
            None if self.phone_registration_open().await? => Subject::Phone(target.phone.clone()),
            None => {
                self.phone_sign_in_failed(None, origin).await?;
                return Ok(PhoneCheck::NothingSent);
            }
        };
        let mut tx = self.db.begin().await?;
        let outcome = self
            .check_code(&mut tx, &subject, Purpose::PhoneSignIn, code, origin)
            .await?;
        tx.commit().await?;
        let CheckOutcome::Verified { .. } = outcome else {
            self.phone_sign_in_failed(target.account, origin).await?;
            return Ok(PhoneCheck::Failed(outcome));
        };
        let Some(id) = target.account else {
            return Ok(PhoneCheck::PhoneProven);
        };
        match self.find_user(id).await?.filter(|u| !u.is_disabled()) {
            Some(user) => self.phone_proved(user, details::PHONE_CODE, origin).await,
            None => Ok(PhoneCheck::Failed(CheckOutcome::NoCode)),
        }
    }

    /// A right code for `user`'s verified number: signed in, unless the password is owed
    /// too (the user uses 2-step verification, or the policy requires it).
    async fn phone_proved(
        &self,
        user: User,
        how: &str,
        origin: &Origin,
    ) -> anyhow::Result<PhoneCheck> {
        if user.has_two_step()
            && self.passkey_count(user.id).await? > 0
            && self.held_to_passkeys(&user).await?
        {
            let event = AuditEvent::by_user(
                EventKind::PhoneSecondFactorRequired,
                user.id,
                origin,
                Some(details::PASSKEY_ALONE),
            );
            self.audit_alone(&event).await?;
            return Ok(PhoneCheck::PasskeyOwed);
        }
        if user.has_two_step() || self.two_step_required(&user).await? {
            let event = AuditEvent::by_user(
                EventKind::PhoneSecondFactorRequired,
                user.id,
                origin,
                Some(how),
            );
            self.audit_alone(&event).await?;
            return Ok(PhoneCheck::PasswordOwed(user));
        }
        let event =
            AuditEvent::by_user(EventKind::PhoneSignInSucceeded, user.id, origin, Some(how));
        self.audit_alone(&event).await?;
        Ok(PhoneCheck::SignedIn(user))
    }

    /// A wrong phone sign-in code (or one typed for a number that was sent none).
    pub async fn phone_sign_in_failed(
        &self,
        account: Option<i64>,
        origin: &Origin,
    ) -> Result<(), DbError> {
        self.audit_alone(&AuditEvent {
            kind: EventKind::PhoneSignInFailed,
            actor_user_id: None,
            subject_user_id: account,
            origin,
            detail: None,
        })
        .await
    }

    /// The password after a right phone code, for a user who owes it. Throttled and
    /// counted as password sign-ins are.
    #[tracing::instrument(name = "Check the password after a phone code", skip_all, fields(user_id = user.id))]
    pub async fn phone_sign_in_password(
        &self,
        user: &User,
        password: SecretString,
        origin: &Origin,
    ) -> anyhow::Result<PasswordCheck> {
        let outcome = (
            EventKind::PhoneSignInFailed,
            EventKind::PhoneSignInSucceeded,
            Some(details::PHONE_CODE_AND_PASSWORD),
        );
        self.check_password_and_record(user, password, origin, outcome)
            .await
    }

    /// Whether the user has an authenticator app, which may stand in for the password
    /// after a phone code.
    pub async fn has_app(&self, user_id: i64) -> Result<bool, DbError> {
        Ok(find_user_signing_in(&self.db.pool, user_id)
            .await?
            .is_some_and(|s| s.app_key.is_some()))
    }

    /// An authenticator-app code instead of the password after a right phone code, under
    /// the same limit as the app at the code step.
    #[tracing::instrument(name = "Check the app code after a phone code", skip_all, fields(user_id = user.id))]
    pub async fn phone_sign_in_app(
        &self,
        user: &User,
        code: &str,
        origin: &Origin,
    ) -> anyhow::Result<CodeOutcome> {
        let key = find_user_signing_in(&self.db.pool, user.id)
            .await?
            .and_then(|s| s.app_key);
        let limit = self.code_limit("totp", user.id);
        let Some(mut tx) = self.begin_code_check(&limit).await? else {
            return Ok(CodeOutcome::Throttled);
        };
        let outcome = self
            .check_app_code(&mut tx, user.id, key.as_deref(), code, origin)
            .await?;
        if outcome == CodeOutcome::Accepted {
            let event = AuditEvent::by_user(
                EventKind::PhoneSignInSucceeded,
                user.id,
                origin,
                Some(details::PHONE_CODE_AND_APP),
            );
            self.audit(&mut tx, &event);
        } else {
            self.count_failure(&mut tx, &limit).await?;
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// Sends the registration code to a number (the same whatever the number: the code
    /// proves it before anything is said about it).
    pub async fn send_registration_code(
        &self,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), SendError> {
        self.send_code(
            &Subject::Phone(phone.to_owned()),
            Purpose::PhoneRegistration,
            phone,
            origin,
        )
        .await
    }

    /// Checks the registration code; a right one proves the number.
    pub async fn check_registration_code(
        &self,
        phone: &str,
        code: &str,
        origin: &Origin,
    ) -> Result<CheckOutcome, DbError> {
        let mut tx = self.db.begin().await?;
        let subject = Subject::Phone(phone.to_owned());
        let outcome = self
            .check_code(&mut tx, &subject, Purpose::PhoneRegistration, code, origin)
            .await?;
        tx.commit().await?;
        Ok(outcome)
    }

    /// The name-and-email step, for a number a code just proved. A number an account
    /// verified leads into that account (the code proved the person owns it). Otherwise a
    /// new account is made with the number verified and no password; the typed address
    /// is pending: a free one is sent the link that confirms it, one with an account is
    /// told someone tried, so the answer never says which.
    #[tracing::instrument(name = "Register with a phone number", skip_all)]
    pub async fn register_by_phone(
        &self,
        phone: &str,
        name: &str,
        email: &str,
        origin: &Origin,
    ) -> anyhow::Result<PhoneRegistration> {
        if let Some(user) = find_user_by_verified_phone(&self.db.pool, phone)
            .await?
            .filter(|user| !user.is_disabled())
        {
            return Ok(PhoneRegistration::Existing(user));
        }
        let ip = origin.ip.as_deref().unwrap_or_default();
        let limit = self.limit("registration-ip", ip, REGISTRATIONS_PER_IP);
        let window = self.settings.throttle_window_secs;
        let (mut tx, attempt) = self.begin_reserved(&[limit], window).await?;
        if attempt.is_none() {
            tx.commit().await?;
            return Ok(PhoneRegistration::Refused);
        }
        let now = self.clock.now();
        let placeholder = format!("phone-{}@users.invalid", random_token().to_lowercase());
        let id = insert_phone_user(&mut *tx, name, &placeholder, email, phone, now).await?;
        match find_user_by_email(&mut *tx, email).await? {
            None => {
                self.send_confirmation(&mut tx, id, name, email, origin)
                    .await?
            }
            Some(owner) => {
                self.tell_of_existing_account(&mut tx, &owner, origin)
                    .await?
            }
        }
        let masked = mask_phone(phone);
        let event =
            AuditEvent::by_user(EventKind::UserRegisteredByPhone, id, origin, Some(&masked));
        self.audit(&mut tx, &event);
        tx.commit().await?;
        let user = self
            .find_user(id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the new account is gone"))?;
        Ok(PhoneRegistration::Created(user))
    }

    /// After registration by phone reached an existing account: as a right phone sign-in
    /// code would.
    pub async fn existing_account_by_phone(
        &self,
        user: User,
        origin: &Origin,
    ) -> anyhow::Result<PhoneCheck> {
        self.phone_proved(user, details::PHONE_REGISTRATION_CODE, origin)
            .await
    }

    /// The address an account made with a phone number waits to confirm.
    pub async fn pending_email(&self, user_id: i64) -> Result<Option<String>, DbError> {
        pending_email_of(&self.db.pool, user_id).await
    }
}
