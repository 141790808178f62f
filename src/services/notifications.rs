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
use crate::domain::factors::FactorMethod;
use crate::domain::language::Language;
use crate::domain::user_agent::describe;
use crate::i18n::escape_html;
use crate::services::letters::{from_address, greeting};

pub enum Notice<'a> {
    /// The browser of `user_agent` (`None` when it did not say) was trusted.
    DeviceTrusted {
        user_agent: Option<&'a str>,
    },
    RecoveryCodeUsed {
        remaining: i64,
    },
    /// Codes now come from `method`; `phone` is the masked number of text messages.
    TwoStepOn {
        method: FactorMethod,
        phone: Option<&'a str>,
    },
    MethodChanged {
        method: FactorMethod,
        phone: Option<&'a str>,
    },
    PhoneChanged {
        phone: &'a str,
    },
    TwoStepOff,
    RecoveryCodesReplaced,
    FactorRemoved {
        method: FactorMethod,
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
    /// An administrator issued a temporary access code, valid for `hours`.
    TemporaryCodeIssued {
        hours: i64,
    },
    TemporaryCodeUsed,
}

/// What the email advises: a message, and the page its `{ $link }` names (the words of
/// the link, its path).
struct Advice {
    id: &'static str,
    room: Option<String>,
    link: Option<(&'static str, &'static str)>,
}

impl Advice {
    fn to(id: &'static str, link: (&'static str, &'static str)) -> Self {
        Self {
            id,
            room: None,
            link: Some(link),
        }
    }

    fn only(id: &'static str) -> Self {
        Self {
            id,
            room: None,
            link: None,
        }
    }
}

const MY_SECURITY_SETTINGS: (&str, &str) = ("email-link-security-settings", "/account/security");

/// Where sign-in codes now come from, in the words `lang`'s sentences put after "come
/// from": the app, or text messages to the masked `phone`.
fn codes_from(lang: Language, method: FactorMethod, phone: Option<&str>) -> String {
    match method {
        FactorMethod::Sms => lang
            .tr("email-codes-from-sms")
            .arg("phone", phone.unwrap_or_default())
            .to_string(),
        FactorMethod::Authenticator => lang.t("email-codes-from-app"),
        FactorMethod::Passkey => lang.t("email-codes-from-passkey"),
    }
}

/// The browser of `user_agent` in `lang`: "Firefox 128 på Windows".
fn device_name(lang: Language, user_agent: Option<&str>) -> String {
    user_agent.map_or_else(
        || lang.t("account-unknown-browser"),
        |ua| describe(lang, ua),
    )
}

impl Notice<'_> {
    /// The subject, and what happened in one sentence, in `lang`.
    fn text(&self, lang: Language, app: &str) -> (String, String) {
        let subject = |id: &str| lang.tr(id).arg("app", app).to_string();
        match self {
            Self::DeviceTrusted { user_agent } => (
                subject("email-device-trusted-subject"),
                lang.tr("email-device-trusted")
                    .arg("device", device_name(lang, *user_agent))
                    .to_string(),
            ),
            Self::RecoveryCodeUsed { remaining } => (
                subject("email-recovery-code-used-subject"),
                lang.tr("email-recovery-code-used")
                    .count(remaining)
                    .to_string(),
            ),
            Self::TwoStepOn { method, phone } => (
                subject("email-two-step-on-subject"),
                lang.tr("email-two-step-on")
                    .arg("method", codes_from(lang, *method, *phone))
                    .to_string(),
            ),
            Self::MethodChanged { method, phone } => {
                let method = codes_from(lang, *method, *phone);
                (
                    lang.tr("email-method-changed-subject")
                        .arg("app", app)
                        .arg("method", &method)
                        .to_string(),
                    lang.tr("email-method-changed")
                        .arg("method", &method)
                        .to_string(),
                )
            }
            Self::PhoneChanged { phone } => (
                subject("email-phone-changed-subject"),
                lang.tr("email-phone-changed")
                    .arg("phone", phone)
                    .to_string(),
            ),
            Self::TwoStepOff => (
                subject("email-two-step-off-subject"),
                lang.t("email-two-step-off"),
            ),
            Self::FactorRemoved { method } => (
                subject("email-factor-removed-subject"),
                lang.tr("email-factor-removed")
                    .arg("method", method.label(lang))
                    .to_string(),
            ),
            Self::PasskeyAdded { name } => (
                subject("email-passkey-added-subject"),
                lang.tr("email-passkey-added").arg("name", name).to_string(),
            ),
            Self::PasskeyRemoved { name } => (
                subject("email-passkey-removed-subject"),
                lang.tr("email-passkey-removed")
                    .arg("name", name)
                    .to_string(),
            ),
            Self::AccountDisabled => (
                subject("email-account-disabled-subject"),
                lang.t("email-account-disabled"),
            ),
            Self::AccountEnabled => (
                subject("email-account-enabled-subject"),
                lang.t("email-account-enabled"),
            ),
            Self::MadeAdmin => (
                subject("email-made-admin-subject"),
                lang.t("email-made-admin"),
            ),
            Self::NoLongerAdmin => (
                subject("email-no-longer-admin-subject"),
                lang.t("email-no-longer-admin"),
            ),
            Self::SignedOutByAdmin => (
                subject("email-signed-out-by-admin-subject"),
                lang.t("email-signed-out-by-admin"),
            ),
            Self::PhoneSetByAdmin { phone: Some(phone) } => (
                subject("email-phone-changed-subject"),
                lang.tr("email-phone-set-by-admin")
                    .arg("phone", phone)
                    .to_string(),
            ),
            Self::PhoneSetByAdmin { phone: None } => (
                subject("email-phone-removed-by-admin-subject"),
                lang.t("email-phone-removed-by-admin"),
            ),
            Self::PasswordChanged => (
                subject("email-password-changed-subject"),
                lang.t("email-password-changed"),
            ),
            Self::ResetByAdmin => (
                subject("email-reset-by-admin-subject"),
                lang.t("email-reset-by-admin"),
            ),
            Self::RoomPhoneSet { room, phone } => (
                lang.tr("email-room-phone-set-subject")
                    .arg("room", room)
                    .to_string(),
                lang.tr("email-room-phone-set")
                    .arg("room", room)
                    .arg("phone", phone)
                    .to_string(),
            ),
            Self::RoomPhoneCleared { room } => (
                lang.tr("email-room-phone-cleared-subject")
                    .arg("room", room)
                    .to_string(),
                lang.tr("email-room-phone-cleared")
                    .arg("room", room)
                    .to_string(),
            ),
            Self::RecoveryCodesReplaced => (
                subject("email-recovery-codes-replaced-subject"),
                lang.t("email-recovery-codes-replaced"),
            ),
            Self::TemporaryCodeIssued { hours } => (
                subject("email-temporary-code-issued-subject"),
                lang.tr("email-temporary-code-issued")
                    .count(hours)
                    .to_string(),
            ),
            Self::TemporaryCodeUsed => (
                subject("email-temporary-code-used-subject"),
                lang.t("email-temporary-code-used"),
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
                Advice::only("email-advice-ask-if-mistake")
            }
            Self::TemporaryCodeIssued { .. } => Advice::only("email-advice-temporary-code"),
            Self::ResetByAdmin => Advice::to("email-advice-reset-by-admin", MY_SECURITY_SETTINGS),
            Self::RoomPhoneSet { room, .. } | Self::RoomPhoneCleared { room } => Advice {
                room: Some((*room).to_owned()),
                ..Advice::only("email-advice-ask-room-admin")
            },
            _ if self.by_an_administrator() => Advice::only("email-advice-tell-admin"),
            Self::PasswordChanged => Advice::to(
                "email-advice-new-password",
                ("email-link-forgot-password", "/password/forgot"),
            ),
            _ => Advice::to("email-advice-review", MY_SECURITY_SETTINGS),
        }
    }
}

/// A notification's plain-text part (`templates/email/notice.txt`).
#[derive(Template)]
#[template(path = "email/notice.txt")]
struct NoticeText<'a> {
    lang: Language,
    app: &'a str,
    subject: &'a str,
    hello: String,
    what: &'a str,
    email: &'a str,
    when: String,
    /// The device and address the change came from; `None` for an administrator's action.
    device: Option<String>,
    ip: String,
    /// The advice, its link's words in place; the link's address on the next line.
    advice: String,
    link: Option<String>,
    /// The advice as HTML, its link in place.
    advice_html: String,
}

/// Its HTML part, with the same words (`templates/email/notice.html`).
#[derive(Template)]
#[template(path = "email/notice.html")]
struct NoticeHtml<'a> {
    p: &'a NoticeText<'a>,
}

impl Services {
    /// Queues the email for `notice` to the user, in the change's transaction, in their
    /// language.
    pub(crate) async fn notify(
        &self,
        tx: &mut Tx,
        user: &User,
        origin: &Origin,
        notice: Notice<'_>,
    ) -> Result<(), DbError> {
        let (app, lang) = self.writing_to(tx, user.language()).await?;
        let (subject, what) = notice.text(lang, &app);
        let now = self.clock.now();
        let device = (!notice.by_an_administrator()).then(|| {
            origin
                .user_agent
                .as_deref()
                .map_or_else(|| lang.t("email-unknown-device"), |ua| describe(lang, ua))
        });
        let Advice { id, room, link } = notice.advice();
        let mut advice = lang.tr(id);
        if let Some(room) = room {
            advice = advice.arg("room", room);
        }
        let (advice, link, advice_html) = match link {
            Some((words, path)) => {
                let words = lang.t(words);
                let url = self.link(path, None);
                let anchor = format!(
                    r#"<a href="{}">{}</a>"#,
                    escape_html(&url),
                    escape_html(&words)
                );
                // The sentence ends at its link: a full stop in HTML, the address on
                // the next line in text.
                (
                    advice.arg("link", &words).to_string(),
                    Some(url),
                    format!("{}.", lang.tr(id).html("link", &anchor)),
                )
            }
            None => {
                let advice = advice.to_string();
                let html = escape_html(&advice);
                (advice, None, html)
            }
        };
        let parts = NoticeText {
            lang,
            app: &app,
            subject: &subject,
            hello: greeting(lang, Some(&user.name)),
            what: &what,
            email: &user.email,
            when: lang.instant(now),
            device,
            ip: from_address(lang, origin),
            advice,
            link,
            advice_html,
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
