//! "Forgot your password?": a one-time link by email (30 minutes, only its digest stored,
//! dead once used or when a newer one is sent). The answer is the same whether or not the
//! address has an account; requests are limited per address and per client address.
//! Setting the new password goes through the same use case as an administrator's link
//! (`set_password_with_link`): every session and trusted device ends, and 2-step
//! verification is still asked at the next sign-in.

use super::Services;
use super::outbox::mail_owner;
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::outbox::{Email, enqueue_sealed};
use crate::db::password_links::replace_password_link;
use crate::db::users::find_user_by_email;
use crate::db::{DbError, Tx};
use crate::domain::account::normalise_email;
use crate::domain::tokens::{random_token, token_digest};

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

impl Services {
    /// The portal's address of `path` with a token.
    pub(crate) fn link(&self, path: &str, token: &str) -> String {
        let mut link = self.settings.public_url.clone();
        link.set_path(path);
        link.set_query(Some(&format!("token={token}")));
        link.to_string()
    }

    /// Queues an email that carries a one-time link: its body sealed until it is sent.
    pub(crate) async fn queue_link_email(
        &self,
        tx: &mut Tx,
        user_id: Option<i64>,
        to: &str,
        subject: &str,
        body: &str,
    ) -> Result<(), DbError> {
        let queued = Email {
            user_id,
            to,
            subject,
            body: "(an email with a one-time link, sealed until it is sent)",
        };
        let sealed = self.mail_sealer.seal(&mail_owner(to), body.as_bytes());
        enqueue_sealed(&mut **tx, &queued, &sealed, self.clock.now()).await
    }

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
        let now = self.clock.now();
        if let Some(user) = find_user_by_email(&mut *tx, &email)
            .await?
            .filter(|u| !u.is_disabled())
        {
            let token = random_token();
            replace_password_link(
                &mut tx,
                user.id,
                &token_digest(&token),
                now,
                now + RESET_LINK_SECS,
            )
            .await?;
            let link = self.link("/password/set", &token);
            let app = self.platform.get_using(&mut *tx).await?.app_name;
            let subject = format!("Reset your {app} password");
            let body = format!(
                "Hello {name},\n\nSomeone asked to reset the password of your {app} account ({email}) from the address {ip}.\n\n\
                 To choose a new password, open this link within 30 minutes. It works once:\n\n{link}\n\n\
                 Your 2-step verification stays on: you still sign in with your code afterwards.\n\n\
                 If this was not you, ignore this email: your password stays as it is.\n",
                name = user.name,
                ip = origin.ip.as_deref().unwrap_or("unknown"),
            );
            self.queue_link_email(&mut tx, Some(user.id), &user.email, &subject, &body)
                .await?;
            let event = AuditEvent {
                kind: EventKind::PasswordResetRequested,
                actor_user_id: None,
                subject_user_id: Some(user.id),
                origin,
                detail: None,
            };
            self.audit(&mut tx, &event);
        }
        tx.commit().await?;
        Ok(ResetRequest::Answered)
    }
}
