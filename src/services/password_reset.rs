//! "Forgot your password?": a one-time link by email (30 minutes, only its digest stored,
//! dead once used, when a newer one is sent, or when the password changes). The answer is
//! the same whether or not the address has an account; requests are limited per address
//! and per client address. Setting the new password goes through the same use case as an
//! administrator's link (`set_password_with_link`): every session and trusted device ends,
//! and 2-step verification is still asked at the next sign-in.
//!
//! An account made with a phone number keeps the address typed at registration aside
//! until its emailed link confirms it. Asked for that address, a reset goes to it, but the
//! link alone sets nothing: the page also asks for a code texted to the account's verified
//! number. An address nobody has proven is never enough to take an account (someone who
//! mistyped theirs, or who registered a phone account with someone else's address, must
//! not hand the account to the address's holder), and the phone alone is not enough
//! either (it is the factor phone sign-in already counts). Both together prove the owner,
//! and confirm the address.

use crate::db::audit_details as details;
use crate::services::new_link;
use secrecy::SecretString;

use super::Services;
use super::letters::{Letter, Secret, from_address};
use super::notifications::Notice;
use super::sms_codes::{CheckOutcome, SendError};
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::devices::remove_all_devices;
use crate::db::links::{
    LinkKind, consume_link, link_user, password_link_address, set_password_link_address,
};
use crate::db::sessions::delete_sessions_of_user;
use crate::db::users::{
    User, confirm_email, find_user_by_email, find_user_by_id, find_users_by_pending_email,
    pending_email_of, update_password_hash,
};
use crate::db::{DbError, Tx};
use crate::domain::account::normalise_email;
use crate::domain::codes::{Purpose, Subject};
use crate::domain::phone::mask_phone;
use crate::domain::tokens::token_digest;

/// How long a reset link works.
pub const RESET_LINK_SECS: i64 = 30 * 60;
/// Reset emails one address may ask for per hour (known or not).
const PER_ADDRESS_PER_HOUR: i64 = 3;
/// Reset requests one client address may make per hour.
const PER_IP_PER_HOUR: i64 = 20;

/// What asking for a reset link did, as far as the person is told.
#[derive(Debug, PartialEq, Eq)]
pub enum ResetRequest {
    /// "Check your email" (whether or not an account has the address).
    Answered,
    /// Too many requests for this address or from this network.
    Throttled,
}

/// The account behind a live "set your password" link.
pub struct LinkOwner {
    pub user: User,
    /// The address the page names: the account's, or for an account made with a phone
    /// number the one waiting for its link.
    pub address: String,
    /// The account's address is not confirmed yet: a code to its verified number
    /// (`phone_to_prove`) is asked for as well, and without one the link cannot be used.
    pub address_unconfirmed: bool,
    pub phone_to_prove: Option<String>,
}

/// What using a "set your password" link did.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkUse {
    /// The password is set (the user's id).
    Set(i64),
    /// Used, replaced, old, or its account's password changed meanwhile.
    Dead,
    /// The code to the account's verified number was missing or not right; the link
    /// still works.
    CodeRefused(CheckOutcome),
}

impl Services {
    #[tracing::instrument(name = "Ask for a password reset link", skip_all)]
    pub async fn request_password_reset(
        &self,
        typed: &str,
        origin: &Origin,
    ) -> Result<ResetRequest, DbError> {
        let email = normalise_email(typed).unwrap_or_else(|_| typed.trim().to_lowercase());
        let ip = origin.ip.as_deref().unwrap_or_default();
        let limits = [
            self.limit("reset-address", &email, PER_ADDRESS_PER_HOUR),
            self.limit("reset-ip", ip, PER_IP_PER_HOUR),
        ];
        let (mut tx, attempt) = self.begin_reserved(&limits, 3_600).await?;
        if attempt.is_none() {
            return Ok(ResetRequest::Throttled);
        }
        match find_user_by_email(&mut *tx, &email).await? {
            Some(user) if !user.is_disabled() => {
                self.send_reset_link(&mut tx, &user, None, origin).await?;
            }
            Some(_) => {}
            None => {
                for user in find_users_by_pending_email(&mut *tx, &email).await? {
                    self.send_reset_link(&mut tx, &user, Some(&email), origin)
                        .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(ResetRequest::Answered)
    }

    /// Emails `user` a reset link: to their address, or (`pending`) to the address their
    /// account made with a phone number is waiting to confirm, saying that the page asks
    /// for a code to the phone as well.
    async fn send_reset_link(
        &self,
        tx: &mut Tx,
        user: &User,
        pending: Option<&str>,
        origin: &Origin,
    ) -> Result<(), DbError> {
        let now = self.clock.now();
        let token = new_link(tx, LinkKind::Password, user.id, now, RESET_LINK_SECS).await?;
        let digest = token_digest(&token);
        let (app, lang) = self
            .writing_to(tx, user.language().or(origin.language))
            .await?;
        let ip = from_address(lang, origin);
        let link = (
            lang.t("email-choose-new-password-30-minutes"),
            self.link("/password/set", Some(&token)),
        );
        let (to, letter) = match (pending, user.verified_phone()) {
            (Some(address), Some(phone)) => {
                set_password_link_address(tx, &digest, address).await?;
                let masked = mask_phone(phone);
                let letter = Letter {
                    language: lang,
                    subject: lang.tr("email-reset-subject").arg("app", &app).to_string(),
                    name: Some(&user.name),
                    lead: lang
                        .tr("email-reset-pending-lead")
                        .arg("app", &app)
                        .arg("phone", &masked)
                        .arg("ip", &ip)
                        .to_string(),
                    links: vec![link],
                    after: vec![
                        lang.tr("email-reset-pending-code")
                            .arg("phone", &masked)
                            .to_string(),
                        lang.t("email-reset-pending-ignore"),
                    ],
                };
                (address.to_owned(), letter)
            }
            _ => {
                let letter = Letter {
                    language: lang,
                    subject: lang.tr("email-reset-subject").arg("app", &app).to_string(),
                    name: Some(&user.name),
                    lead: lang
                        .tr("email-reset-lead")
                        .arg("app", &app)
                        .arg("email", &user.email)
                        .arg("ip", &ip)
                        .to_string(),
                    links: vec![link],
                    after: vec![
                        lang.t("email-reset-two-step-stays"),
                        lang.t("email-reset-ignore"),
                    ],
                };
                (user.email.clone(), letter)
            }
        };
        self.queue_letter(tx, Some(user.id), &to, &letter, Secret::OneTimeLink)
            .await?;
        let event = AuditEvent {
            kind: EventKind::PasswordResetRequested,
            actor_user_id: None,
            subject_user_id: Some(user.id),
            origin,
            detail: pending.map(|_| details::RESET_TO_UNCONFIRMED_ADDRESS),
        };
        self.audit(tx, &event);
        Ok(())
    }

    /// The account a live "set your password" link belongs to, and what its page asks.
    pub async fn password_link_owner(&self, token: &str) -> Result<Option<LinkOwner>, DbError> {
        let Some(id) = link_user(
            &self.db.pool,
            LinkKind::Password,
            &token_digest(token),
            self.clock.now(),
        )
        .await?
        else {
            return Ok(None);
        };
        let Some(user) = find_user_by_id(&self.db.pool, id).await? else {
            return Ok(None);
        };
        Ok(Some(match pending_email_of(&self.db.pool, id).await? {
            Some(address) => LinkOwner {
                address_unconfirmed: true,
                phone_to_prove: user.verified_phone().map(str::to_owned),
                address,
                user,
            },
            None => LinkOwner {
                address: user.email.clone(),
                address_unconfirmed: false,
                phone_to_prove: None,
                user,
            },
        }))
    }

    /// Texts the code a link's page asks for, to the verified number of the link's account
    /// (`LinkOwner::phone_to_prove`).
    #[tracing::instrument(name = "Send the code a password link asks for", skip_all)]
    pub async fn send_link_code(
        &self,
        owner: &LinkOwner,
        origin: &Origin,
    ) -> Result<(), SendError> {
        let Some(phone) = owner.phone_to_prove.as_deref() else {
            return Ok(());
        };
        self.send_code(
            &Subject::User(owner.user.id),
            Purpose::PasswordSet,
            phone,
            origin,
        )
        .await
    }

    /// Sets the password through a live link, once: the link dies, and every session and
    /// trusted device of the account ends. For an account whose address is not confirmed
    /// yet, `code` must be the one just texted to its verified number; the address is then
    /// confirmed only if the link was sent to it.
    #[tracing::instrument(name = "Set a password with a link", skip_all)]
    pub async fn set_password_with_link(
        &self,
        token: &str,
        password: SecretString,
        code: Option<&str>,
        origin: &Origin,
    ) -> anyhow::Result<LinkUse> {
        let hash = self.passwords.hash(password).await?;
        let now = self.clock.now();
        let digest = token_digest(token);
        let mut tx = self.db.begin().await?;
        let Some(user_id) = link_user(&mut *tx, LinkKind::Password, &digest, now).await? else {
            return Ok(LinkUse::Dead);
        };
        let Some(user) = find_user_by_id(&mut *tx, user_id).await? else {
            return Ok(LinkUse::Dead);
        };
        let pending = pending_email_of(&mut *tx, user_id).await?;
        if pending.is_some() {
            let outcome = match code {
                Some(code) => {
                    self.check_code(
                        &mut tx,
                        &Subject::User(user_id),
                        Purpose::PasswordSet,
                        code,
                        origin,
                    )
                    .await?
                }
                None => CheckOutcome::NoCode,
            };
            let proven = matches!(&outcome, CheckOutcome::Verified { phone }
                if user.verified_phone() == Some(phone.as_str()));
            if !proven {
                tx.commit().await?;
                return Ok(LinkUse::CodeRefused(match outcome {
                    CheckOutcome::Verified { .. } => CheckOutcome::NoCode,
                    other => other,
                }));
            }
        }
        let sent_to = password_link_address(&mut *tx, &digest).await?;
        if consume_link(&mut tx, LinkKind::Password, &digest, now)
            .await?
            .is_none()
        {
            return Ok(LinkUse::Dead);
        }
        update_password_hash(&mut tx, user_id, &hash, now).await?;
        // The link came by email: whoever opened it holds the address it went to, which is
        // confirmed when it is the one the account waits to confirm (an administrator's link
        // to an account made with a phone number went to no mailbox, and proves nothing).
        if pending.is_none() || pending == sent_to {
            confirm_email(&mut *tx, user_id, now).await?;
        }
        delete_sessions_of_user(&mut *tx, user_id).await?;
        remove_all_devices(&mut *tx, user_id).await?;
        let detail = pending.as_ref().map(|_| details::LINK_AND_PHONE_CODE);
        self.audit(
            &mut tx,
            &AuditEvent::by_user(EventKind::PasswordSet, user_id, origin, detail),
        );
        if let Some(user) = find_user_by_id(&mut *tx, user_id).await?
            && user.has_mailbox()
        {
            self.notify(&mut tx, &user, origin, Notice::PasswordChanged)
                .await?;
        }
        tx.commit().await?;
        Ok(LinkUse::Set(user_id))
    }
}
