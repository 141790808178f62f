//! Signing in: the password step, then (for users with 2-step verification) a code by SMS
//! or from the app, or a recovery code. Every attempt is reserved against its limit before
//! it is checked, and each step's writes commit together with their audit events.

use crate::db::audit_details as details;
use secrecy::SecretString;

use super::Services;
use super::factors::authenticator::CodeOutcome;
use super::factors::passkeys::{Ceremony, PasskeyCheck};
use super::notifications::Notice;
use super::sms_codes::CheckOutcome;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::use_device;
use crate::db::users::{
    User, UserSigningIn, find_user_by_email, find_user_by_id, find_user_signing_in,
};
use crate::db::{DbError, Tx};
use crate::domain::account::normalise_email;
use crate::domain::codes::{Purpose, Subject};
use crate::domain::factors::FactorMethod;
use crate::domain::oidc::{Proof, Proofs};
use crate::domain::tokens::token_digest;

/// What the password step decided.
pub enum PasswordStep {
    /// Too many failures lately for this account or address: nothing was checked.
    Throttled,
    /// Wrong email or password (never says which).
    Wrong,
    /// The password was right, but an administrator disabled the account. Only someone who
    /// knows the password is told.
    Disabled,
    /// Signed in: no 2-step verification, or a trusted device skipped the code (what was
    /// proved says which).
    SignedIn(User, Proofs),
    /// The password was right; a code is owed. The token of this password step goes into
    /// the sign-in's session: completing the second step with it clears the record that
    /// would otherwise email the owner that the sign-in was not completed.
    CodeOwed(User, String),
    /// The password was right, but the account's address is not confirmed yet: a new
    /// link was emailed (within the address's allowance). Only someone who knows the
    /// password is told.
    Unconfirmed(User),
}

/// A user between the password and the code, and the methods they can finish with.
pub struct PendingSignIn {
    pub user: User,
    /// A verified number: codes can be texted there.
    pub phone: Option<String>,
    /// The active authenticator key, sealed: read once, for the page and the check.
    app_key: Option<String>,
    /// The user has passkeys: the second step offers one first.
    passkeys: bool,
    /// The user is held to passkeys and has one: the second step is a passkey only.
    passkeys_only: bool,
}

impl PendingSignIn {
    /// The sign-in of a user read with their app key, if they still owe a code: not when
    /// the account was disabled or 2-step verification turned off meanwhile.
    pub fn of(signing_in: UserSigningIn) -> Option<Self> {
        let UserSigningIn {
            user,
            app_key,
            passkeys,
            ..
        } = signing_in;
        if user.is_disabled() || !user.has_two_step() {
            return None;
        }
        Some(Self {
            phone: user.verified_phone().map(str::to_owned),
            user,
            app_key,
            passkeys: passkeys > 0,
            passkeys_only: false,
        })
    }

    /// For a user held to passkeys who has one: no code by text message or from the app is
    /// offered or accepted (a recovery code still stands in for the passkey).
    fn held_to_passkeys(self) -> Self {
        if !self.passkeys {
            return self;
        }
        Self {
            phone: None,
            app_key: None,
            passkeys_only: true,
            ..self
        }
    }

    /// The second step is a passkey only (`held_to_passkeys`).
    pub fn passkeys_only(&self) -> bool {
        self.passkeys_only
    }

    pub fn has_app(&self) -> bool {
        self.app_key.is_some()
    }

    /// True when the user can sign in with `method`.
    pub fn has(&self, method: FactorMethod) -> bool {
        match method {
            FactorMethod::Sms => self.phone.is_some(),
            FactorMethod::Authenticator => self.has_app(),
            FactorMethod::Passkey => self.passkeys,
        }
    }

    /// The method asked for, if the user has it; otherwise a passkey, if they have one
    /// (offered first: it cannot be phished); otherwise their own, if they have it;
    /// otherwise the first they have (the app, whose page accepts no code, if none).
    pub fn method(&self, asked: Option<FactorMethod>) -> FactorMethod {
        asked
            .into_iter()
            .chain(self.passkeys.then_some(FactorMethod::Passkey))
            .chain(self.user.method())
            .chain(FactorMethod::ALL)
            .find(|method| self.has(*method))
            .unwrap_or(FactorMethod::Authenticator)
    }
}

/// What a code at the second step led to.
pub enum SecondStep {
    /// Signed in; carries the trusted-device token to set when the browser asked to be
    /// trusted.
    SignedIn {
        device_token: Option<String>,
    },
    Sms(CheckOutcome),
    App(CodeOutcome),
}

/// What a passkey, at the second step or alone, led to.
pub enum PasskeyStep {
    /// Signed in; carries the trusted-device token to set when the browser asked to be
    /// trusted (at the second step only).
    SignedIn {
        user: Box<User>,
        device_token: Option<String>,
    },
    Refused(PasskeyCheck),
}

/// What a recovery code at the second step led to.
pub enum RecoverySignIn {
    SignedIn,
    Wrong,
    Throttled,
}

impl Services {
    pub async fn find_user(&self, id: i64) -> Result<Option<User>, DbError> {
        find_user_by_id(&self.db.pool, id).await
    }

    /// The password step. `device_token` is the browser's trusted-device cookie, if any.
    #[tracing::instrument(name = "Check a password", skip_all)]
    pub async fn password_step(
        &self,
        typed_email: &str,
        password: SecretString,
        device_token: Option<&str>,
        origin: &Origin,
    ) -> anyhow::Result<PasswordStep> {
        // A malformed address cannot belong to an account; it is still checked the slow way.
        let email = normalise_email(typed_email).unwrap_or_else(|_| typed_email.to_lowercase());
        let ip = origin.ip.as_deref().unwrap_or_default();
        let limits = self.password_limits(&email, ip);
        let window = self.settings.throttle_window_secs;
        let (mut tx, attempt) = self.begin_reserved(&limits, window).await?;
        let user = find_user_by_email(&mut *tx, &email).await?;
        let Some(attempt) = attempt else {
            let event = AuditEvent {
                kind: EventKind::SignInThrottled,
                actor_user_id: None,
                subject_user_id: user.as_ref().map(|u| u.id),
                origin,
                detail: None,
            };
            match user {
                Some(_) => self.audit(&mut tx, &event),
                None => tx.record(self.unknown_address_row(&event, typed_email)),
            }
            tx.commit().await?;
            return Ok(PasswordStep::Throttled);
        };
        tx.commit().await?;
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        let matches = self.passwords.verify(password, stored).await?;
        let now = self.clock.now();
        match user {
            Some(user) if matches && user.is_disabled() => {
                // As a wrong password: the attempt stays counted, the same one write.
                self.audit_alone(&AuditEvent {
                    kind: EventKind::SignInFailed,
                    actor_user_id: None,
                    subject_user_id: Some(user.id),
                    origin,
                    detail: Some(details::ACCOUNT_DISABLED),
                })
                .await?;
                Ok(PasswordStep::Disabled)
            }
            Some(user) if matches && !user.email_is_confirmed() => {
                let mut tx = self.db.begin().await?;
                self.release_attempt(&mut tx, attempt).await?;
                tx.commit().await?;
                self.resend_confirmation(&user, origin).await?;
                Ok(PasswordStep::Unconfirmed(user))
            }
            Some(user) if matches => {
                let mut tx = self.db.begin().await?;
                self.release_attempt(&mut tx, attempt).await?;
                let trusted = match device_token.filter(|_| user.has_two_step()) {
                    Some(token) => use_device(&mut *tx, user.id, &token_digest(token), now).await?,
                    None => false,
                };
                let (kind, detail) = match (user.method(), trusted) {
                    // A trusted device skips the code, never the password.
                    (Some(_), true) => (
                        EventKind::SignInTrustedDevice,
                        Some(details::PASSWORD_ON_TRUSTED_DEVICE),
                    ),
                    (Some(method), false) => (EventKind::SignInCodeRequired, Some(method.as_str())),
                    (None, _) => (EventKind::SignInSucceeded, None),
                };
                self.audit(&mut tx, &AuditEvent::by_user(kind, user.id, origin, detail));
                let attempt = if user.has_two_step() && !trusted {
                    Some(
                        self.start_unfinished_sign_in(&mut tx, user.id, origin)
                            .await?,
                    )
                } else {
                    None
                };
                tx.commit().await?;
                Ok(if let Some(attempt) = attempt {
                    PasswordStep::CodeOwed(user, attempt)
                } else {
                    let proofs = if trusted {
                        Proofs::of(&[Proof::Password, Proof::TrustedDevice])
                    } else {
                        Proofs::of(&[Proof::Password])
                    };
                    PasswordStep::SignedIn(user, proofs)
                })
            }
            user => {
                // The attempt stays counted. The account is named only when one matched;
                // else the address typed, by its key, so the audit log finds it.
                let event = AuditEvent {
                    kind: EventKind::SignInFailed,
                    actor_user_id: None,
                    subject_user_id: user.as_ref().map(|u| u.id),
                    origin,
                    detail: None,
                };
                match user {
                    Some(_) => self.audit_alone(&event).await?,
                    None => {
                        self.record_alone(self.unknown_address_row(&event, typed_email))
                            .await?
                    }
                }
                Ok(PasswordStep::Wrong)
            }
        }
    }

    /// The user a half-finished sign-in belongs to, if they still owe a code.
    pub async fn pending_sign_in(&self, user_id: i64) -> Result<Option<PendingSignIn>, DbError> {
        let signing_in = find_user_signing_in(&self.db.pool, user_id).await?;
        match signing_in.and_then(PendingSignIn::of) {
            Some(pending) => self.with_methods_rule(pending).await.map(Some),
            None => Ok(None),
        }
    }

    /// The pending sign-in as the methods rule leaves it: a passkey only for a user held to
    /// passkeys who has one (PRODUCT.md, "Passkeys and security keys").
    pub async fn with_methods_rule(
        &self,
        pending: PendingSignIn,
    ) -> Result<PendingSignIn, DbError> {
        if pending.passkeys && self.held_to_passkeys(&pending.user).await? {
            return Ok(pending.held_to_passkeys());
        }
        Ok(pending)
    }

    /// Finishes a sign-in inside the step's transaction: the audit event, and when asked,
    /// a trusted device (recorded, audited, emailed). Returns the device's token.
    pub(super) async fn finish_sign_in(
        &self,
        tx: &mut Tx,
        user: &User,
        how: &str,
        trust: bool,
        origin: &Origin,
    ) -> Result<Option<String>, DbError> {
        let event = AuditEvent::by_user(EventKind::SignInSucceeded, user.id, origin, Some(how));
        self.audit(tx, &event);
        if !trust {
            return Ok(None);
        }
        self.trust_device(tx, user, origin).await.map(Some)
    }

    /// The second step with a code by SMS or from the app.
    #[tracing::instrument(name = "Check the sign-in code", skip_all, fields(user_id = pending.user.id))]
    pub async fn second_step(
        &self,
        pending: &PendingSignIn,
        method: FactorMethod,
        code: &str,
        trust: bool,
        origin: &Origin,
    ) -> anyhow::Result<SecondStep> {
        let user = &pending.user;
        match method {
            FactorMethod::Sms => {
                let mut tx = self.db.begin().await?;
                let subject = Subject::User(user.id);
                let outcome = self
                    .check_code(&mut tx, &subject, Purpose::SignIn, code, origin)
                    .await?;
                let result = match outcome {
                    CheckOutcome::Verified { .. } => {
                        let how = details::PASSWORD_AND_SMS_CODE;
                        let device_token = self
                            .finish_sign_in(&mut tx, user, how, trust, origin)
                            .await?;
                        SecondStep::SignedIn { device_token }
                    }
                    outcome => SecondStep::Sms(outcome),
                };
                tx.commit().await?;
                Ok(result)
            }
            FactorMethod::Authenticator => {
                // The check is cheap: it runs under the limit's lock, so a burst is
                // counted exactly and a right code writes nothing to the limit.
                let limit = self.code_limit("totp", user.id);
                let Some(mut tx) = self.begin_code_check(&limit).await? else {
                    return Ok(SecondStep::App(CodeOutcome::Throttled));
                };
                let key = pending.app_key.as_deref();
                let outcome = self
                    .check_app_code(&mut tx, user.id, key, code, origin)
                    .await?;
                let result = if outcome == CodeOutcome::Accepted {
                    let how = details::PASSWORD_AND_APP;
                    let device_token = self
                        .finish_sign_in(&mut tx, user, how, trust, origin)
                        .await?;
                    SecondStep::SignedIn { device_token }
                } else {
                    self.count_failure(&mut tx, &limit).await?;
                    SecondStep::App(outcome)
                };
                tx.commit().await?;
                Ok(result)
            }
            // A passkey answers with a signature, never a typed code (`passkey_step`).
            FactorMethod::Passkey => Ok(SecondStep::App(CodeOutcome::Wrong)),
        }
    }

    /// The second step with a passkey, answering the ceremony this session began.
    #[tracing::instrument(name = "Check a passkey at the second step", skip_all, fields(user_id = pending.user.id))]
    pub async fn passkey_second_step(
        &self,
        pending: &PendingSignIn,
        ceremony: Ceremony,
        credential: &str,
        trust: bool,
        origin: &Origin,
    ) -> anyhow::Result<PasskeyStep> {
        let (mut tx, check) = self
            .check_passkey(ceremony, Some(pending.user.id), credential, origin)
            .await?;
        let result = match check {
            PasskeyCheck::Accepted(user) => {
                let device_token = self
                    .finish_sign_in(&mut tx, &user, details::PASSWORD_AND_PASSKEY, trust, origin)
                    .await?;
                PasskeyStep::SignedIn { user, device_token }
            }
            refused => PasskeyStep::Refused(refused),
        };
        tx.commit().await?;
        Ok(result)
    }

    /// Signing in with a discoverable passkey alone: its user verification (PIN or
    /// biometrics) and the key together count as both steps.
    #[tracing::instrument(name = "Sign in with a passkey", skip_all)]
    pub async fn passkey_sign_in(
        &self,
        ceremony: Ceremony,
        credential: &str,
        origin: &Origin,
    ) -> anyhow::Result<PasskeyStep> {
        let (mut tx, check) = self
            .check_passkey(ceremony, None, credential, origin)
            .await?;
        let result = match check {
            PasskeyCheck::Accepted(user) => {
                self.finish_sign_in(&mut tx, &user, details::PASSKEY_ALONE, false, origin)
                    .await?;
                PasskeyStep::SignedIn {
                    user,
                    device_token: None,
                }
            }
            refused => PasskeyStep::Refused(refused),
        };
        tx.commit().await?;
        Ok(result)
    }

    /// The second step with a recovery code; the user is emailed that one was used.
    #[tracing::instrument(name = "Sign in with a recovery code", skip_all, fields(user_id = user.id))]
    pub async fn recovery_sign_in(
        &self,
        user: &User,
        typed: &str,
        origin: &Origin,
    ) -> Result<RecoverySignIn, DbError> {
        let limit = self.code_limit("recovery", user.id);
        let Some(mut tx) = self.begin_code_check(&limit).await? else {
            return Ok(RecoverySignIn::Throttled);
        };
        let Some(remaining) = self
            .consume_recovery_code(&mut tx, user.id, typed, origin)
            .await?
        else {
            self.count_failure(&mut tx, &limit).await?;
            tx.commit().await?;
            return Ok(RecoverySignIn::Wrong);
        };
        self.finish_sign_in(
            &mut tx,
            user,
            details::PASSWORD_AND_RECOVERY_CODE,
            false,
            origin,
        )
        .await?;
        self.notify(
            &mut tx,
            user,
            origin,
            Notice::RecoveryCodeUsed { remaining },
        )
        .await?;
        tx.commit().await?;
        Ok(RecoverySignIn::SignedIn)
    }

    /// Sends the sign-in code of a pending sign-in to its verified phone.
    pub async fn send_sign_in_code(
        &self,
        user: &User,
        phone: &str,
        origin: &Origin,
    ) -> Result<(), super::sms_codes::SendError> {
        self.send_code(&Subject::User(user.id), Purpose::SignIn, phone, origin)
            .await
    }

    pub async fn signed_out(&self, user_id: i64, origin: &Origin) -> Result<(), DbError> {
        self.audit_alone(&AuditEvent::by_user(
            EventKind::SignedOut,
            user_id,
            origin,
            None,
        ))
        .await
    }
}
