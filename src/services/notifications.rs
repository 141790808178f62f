//! Security notifications by email (PRODUCT.md): a factor, the phone number or the recovery
//! codes changed, a device was trusted, a recovery code was used. Each is written to the
//! outbox inside the transaction of the change it reports.

use super::Services;
use crate::db::audit::Origin;
use askama::Template;

use crate::db::outbox::{Email, enqueue_with_html};
use crate::db::users::User;
use crate::db::{DbError, Tx};
use crate::domain::time::instant;
use crate::domain::user_agent::describe;

pub enum Notice<'a> {
    DeviceTrusted { device: &'a str },
    RecoveryCodeUsed { remaining: i64 },
    TwoStepOn { method: &'a str },
    MethodChanged { method: &'a str },
    PhoneChanged { phone: &'a str },
    TwoStepOff,
    RecoveryCodesReplaced,
    FactorRemoved { method: &'a str },
    ResetByAdmin,
    PasswordChanged,
    AccountDisabled,
    RoomPhoneSet { room: &'a str, phone: &'a str },
    RoomPhoneCleared { room: &'a str },
}

impl Notice<'_> {
    /// The subject, and what happened in one sentence.
    fn text(&self, app: &str) -> (String, String) {
        match self {
            Self::DeviceTrusted { device } => (
                format!("A new device was trusted on your {app} account"),
                format!("{device} will now sign in to your account without a verification code."),
            ),
            Self::RecoveryCodeUsed { remaining } => (
                format!("A recovery code was used to sign in to {app}"),
                format!(
                    "A recovery code was just used to sign in to your account. You have {remaining} recovery code{} left.",
                    if *remaining == 1 { "" } else { "s" }
                ),
            ),
            Self::TwoStepOn { method } => (
                format!("2-step verification is on for your {app} account"),
                format!("2-step verification was turned on. Sign-in codes now come from {method}."),
            ),
            Self::MethodChanged { method } => (
                format!("Your {app} sign-in codes now come from {method}"),
                format!(
                    "The way you receive sign-in codes was changed: they now come from {method}."
                ),
            ),
            Self::PhoneChanged { phone } => (
                format!("Your {app} phone number was changed"),
                format!("Sign-in codes are now sent by text message to {phone}."),
            ),
            Self::TwoStepOff => (
                format!("2-step verification is off for your {app} account"),
                "2-step verification was turned off. Signing in now needs only your password."
                    .to_owned(),
            ),
            Self::FactorRemoved { method } => (
                format!("A sign-in method was removed from your {app} account"),
                format!("{method} can no longer be used to sign in to your account."),
            ),
            Self::AccountDisabled => (
                format!("Your {app} account was disabled"),
                "An administrator disabled your account: it can no longer sign in, and every session was signed out. Ask your administrator if you think this is a mistake."
                    .to_owned(),
            ),
            Self::PasswordChanged => (
                format!("Your {app} password was changed"),
                "The password of your account was changed, and every session and trusted device was signed out."
                    .to_owned(),
            ),
            Self::ResetByAdmin => (
                format!("An administrator reset 2-step verification on your {app} account"),
                "Your sign-in methods, recovery codes and trusted devices were removed and every session was signed out. At your next sign-in you may be asked to set up 2-step verification again."
                    .to_owned(),
            ),
            Self::RoomPhoneSet { room, phone } => (
                format!("A code will be asked when you open {room}"),
                format!("The administrator of the data room {room} set {phone} as your two-factor phone number there. Opening the room now needs a code texted to it, once per session."),
            ),
            Self::RoomPhoneCleared { room } => (
                format!("No code is asked any more when you open {room}"),
                format!("The administrator of the data room {room} removed your two-factor phone number there. Opening the room no longer needs a code."),
            ),
            Self::RecoveryCodesReplaced => (
                format!("New recovery codes for your {app} account"),
                "New recovery codes were generated. The earlier codes no longer work.".to_owned(),
            ),
        }
    }
}

/// A notification's plain-text part (`templates/email/notice.txt`).
#[derive(Template)]
#[template(path = "email/notice.txt")]
struct NoticeText<'a> {
    app: &'a str,
    subject: &'a str,
    name: &'a str,
    what: &'a str,
    email: &'a str,
    when: String,
    device: String,
    ip: &'a str,
    settings_url: &'a str,
}

/// Its HTML part, with the same words (`templates/email/notice.html`).
#[derive(Template)]
#[template(path = "email/notice.html")]
struct NoticeHtml<'a> {
    p: &'a NoticeText<'a>,
}

impl Services {
    /// Queues the email for `notice` to the user, in the change's transaction.
    pub(crate) async fn notify(
        &self,
        tx: &mut Tx,
        user: &User,
        origin: &Origin,
        notice: Notice<'_>,
    ) -> Result<(), DbError> {
        let app = self.platform.get_using(&mut **tx).await?.app_name;
        let (subject, what) = notice.text(&app);
        let now = self.clock.now();
        let mut settings_url = self.settings.public_url.clone();
        settings_url.set_path("/account/security");
        let parts = NoticeText {
            app: &app,
            subject: &subject,
            name: &user.name,
            what: &what,
            email: &user.email,
            when: instant(now),
            device: origin
                .user_agent
                .as_deref()
                .map_or_else(|| "Unknown".to_owned(), describe),
            ip: origin.ip.as_deref().unwrap_or("unknown"),
            settings_url: settings_url.as_str(),
        };
        let body = parts
            .render()
            .map_err(|err| DbError::Protocol(err.to_string()))?;
        let html = NoticeHtml { p: &parts }
            .render()
            .map_err(|err| DbError::Protocol(err.to_string()))?;
        let email = Email {
            user_id: Some(user.id),
            to: &user.email,
            subject: &subject,
            body: &body,
        };
        enqueue_with_html(&mut **tx, &email, &html, now).await
    }
}
