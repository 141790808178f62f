//! Security notifications by email (PRODUCT.md): a factor, the phone number, the password
//! or the recovery codes changed, a device was trusted, a recovery code was used, and what
//! an administrator did to the account. Each is written to the outbox inside the
//! transaction of the change it reports. A change the person made themselves shows the
//! device and address it came from and says what to do if it was not them; an
//! administrator's action says so, and shows neither (they would be the administrator's).

use super::Services;
use crate::db::audit::Origin;
use askama::Template;

use crate::db::outbox::{Email, enqueue_with_html};
use crate::db::users::User;
use crate::db::{DbError, Tx};
use crate::domain::language::Language;
use crate::domain::user_agent::describe;

pub enum Notice<'a> {
    DeviceTrusted {
        device: &'a str,
    },
    RecoveryCodeUsed {
        remaining: i64,
    },
    TwoStepOn {
        method: &'a str,
    },
    MethodChanged {
        method: &'a str,
    },
    PhoneChanged {
        phone: &'a str,
    },
    TwoStepOff,
    RecoveryCodesReplaced,
    FactorRemoved {
        method: &'a str,
    },
    PasskeyAdded {
        name: &'a str,
    },
    PasskeyRemoved {
        name: &'a str,
    },
    ResetByAdmin,
    PasswordChanged,
    AccountDisabled,
    AccountEnabled,
    MadeAdmin,
    NoLongerAdmin,
    SignedOutByAdmin,
    /// The profile phone number an administrator entered (masked), or `None` when removed.
    PhoneSetByAdmin {
        phone: Option<&'a str>,
    },
    RoomPhoneSet {
        room: &'a str,
        phone: &'a str,
    },
    RoomPhoneCleared {
        room: &'a str,
    },
    /// An administrator issued a temporary access code, valid for `valid_for` ("8 hours").
    TemporaryCodeIssued {
        valid_for: &'a str,
    },
    TemporaryCodeUsed,
}

/// What the email advises, and the page it links to (its words, its path).
struct Advice {
    words: String,
    link: Option<(&'static str, &'static str)>,
}

impl Advice {
    fn to(words: &str, link: (&'static str, &'static str)) -> Self {
        Self {
            words: words.to_owned(),
            link: Some(link),
        }
    }

    fn only(words: String) -> Self {
        Self { words, link: None }
    }
}

const MY_SECURITY_SETTINGS: (&str, &str) = ("My security settings", "/account/security");

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
            Self::PasskeyAdded { name } => (
                format!("A passkey was added to your {app} account"),
                format!("The passkey \"{name}\" was added: it can now be used to sign in to your account."),
            ),
            Self::PasskeyRemoved { name } => (
                format!("A passkey was removed from your {app} account"),
                format!("The passkey \"{name}\" can no longer be used to sign in to your account."),
            ),
            Self::AccountDisabled => (
                format!("Your {app} account was disabled"),
                "Your administrator disabled your account: it can no longer sign in, and every session was signed out."
                    .to_owned(),
            ),
            Self::AccountEnabled => (
                format!("Your {app} account was enabled again"),
                "Your administrator enabled your account again: you can sign in as before."
                    .to_owned(),
            ),
            Self::MadeAdmin => (
                format!("You are now an administrator of {app}"),
                "Your administrator made you an administrator: you can now open the control center, manage users and change the security settings."
                    .to_owned(),
            ),
            Self::NoLongerAdmin => (
                format!("You are no longer an administrator of {app}"),
                "Your administrator removed your administrator role: the control center is closed to you. Your account is otherwise unchanged."
                    .to_owned(),
            ),
            Self::SignedOutByAdmin => (
                format!("You were signed out of {app} everywhere"),
                "Your administrator signed your account out on every device. Sign in again to go on."
                    .to_owned(),
            ),
            Self::PhoneSetByAdmin { phone: Some(phone) } => (
                format!("Your {app} phone number was changed"),
                format!("Your administrator set the phone number of your account to {phone}."),
            ),
            Self::PhoneSetByAdmin { phone: None } => (
                format!("Your {app} phone number was removed"),
                "Your administrator removed the phone number from your account.".to_owned(),
            ),
            Self::PasswordChanged => (
                format!("Your {app} password was changed"),
                "The password of your account was changed, and every session and trusted device was signed out."
                    .to_owned(),
            ),
            Self::ResetByAdmin => (
                format!("An administrator reset 2-step verification on your {app} account"),
                "Your administrator reset 2-step verification on your account: your sign-in methods, recovery codes and trusted devices were removed and every session was signed out. At your next sign-in you may be asked to set up 2-step verification again."
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
            Self::TemporaryCodeIssued { valid_for } => (
                format!("A temporary access code was issued for your {app} account"),
                format!("Your administrator issued a temporary access code for your account. With your password, it signs you in once instead of a verification code, within {valid_for}. Your administrator gives it to you in person or by phone; it is never sent by email."),
            ),
            Self::TemporaryCodeUsed => (
                format!("A temporary access code was used to sign in to {app}"),
                "A temporary access code was just used to sign in to your account. It no longer works. Set up a new phone or app so you can sign in with a code again.".to_owned(),
            ),
        }
    }

    /// Whether an administrator (of the platform or of a data room) made the change.
    fn by_an_administrator(&self) -> bool {
        matches!(
            self,
            Self::ResetByAdmin
                | Self::AccountDisabled
                | Self::AccountEnabled
                | Self::MadeAdmin
                | Self::NoLongerAdmin
                | Self::SignedOutByAdmin
                | Self::PhoneSetByAdmin { .. }
                | Self::RoomPhoneSet { .. }
                | Self::RoomPhoneCleared { .. }
                | Self::TemporaryCodeIssued { .. }
        )
    }

    /// What to do next, in words that fit who made the change and what the person can
    /// still reach: a disabled account opens no page, a changed password is not known.
    fn advice(&self) -> Advice {
        match self {
            Self::AccountDisabled | Self::NoLongerAdmin => {
                Advice::only("If you think this is a mistake, ask your administrator.".to_owned())
            }
            Self::TemporaryCodeIssued { .. } => Advice::only(
                "If you did not ask your administrator for one, tell them at once.".to_owned(),
            ),
            Self::ResetByAdmin => Advice::to(
                "If you did not ask for this, tell your administrator. You can set up 2-step verification again on",
                MY_SECURITY_SETTINGS,
            ),
            Self::RoomPhoneSet { room, .. } | Self::RoomPhoneCleared { room } => Advice::only(
                format!("If you did not expect this, ask the administrator of {room}."),
            ),
            _ if self.by_an_administrator() => {
                Advice::only("If you did not expect this, tell your administrator.".to_owned())
            }
            Self::PasswordChanged => Advice::to(
                "If this was not you, choose a new password at once with",
                ("Forgot your password?", "/password/forgot"),
            ),
            _ => Advice::to(
                "If this was not you, change your password at once and review",
                MY_SECURITY_SETTINGS,
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
    /// The device and address the change came from; `None` for an administrator's action.
    device: Option<String>,
    ip: &'a str,
    advice: String,
    /// The advice's link: its words and address.
    link: Option<(&'static str, String)>,
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
        let Advice { words, link } = notice.advice();
        let now = self.clock.now();
        let device = (!notice.by_an_administrator()).then(|| {
            origin
                .user_agent
                .as_deref()
                .map_or_else(|| "Unknown".to_owned(), describe)
        });
        let parts = NoticeText {
            app: &app,
            subject: &subject,
            name: &user.name,
            what: &what,
            email: &user.email,
            when: Language::English.instant(now),
            device,
            ip: origin.ip.as_deref().unwrap_or("unknown"),
            advice: words,
            link: link.map(|(words, path)| (words, self.link(path, None))),
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
