//! The "enter the code we texted you" form, shared by sign-in and phone set-up.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use serde::Deserialize;

use super::errors::AppError;
use super::forms::FormErrors;
use super::layout::Layout;
use super::responses::{render, see_other};
use super::step::Step;
use crate::db::challenges::Refusal;
use crate::domain::codes::normalise_code;
use crate::domain::language::Language;
use crate::services::sms_codes::{CheckOutcome, SendError};

/// To someone whose phone code was right (signing in or registering with the number),
/// when their account is held to passkeys: it signs in with its passkey (a message id).
pub const PASSKEY_OWED: &str = "login-passkey-owed";

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub code: String,
    /// At sign-in, which method the code is from (`FactorMethod::as_str`).
    #[serde(default)]
    pub with: String,
    /// At sign-in, the "Trust this device" checkbox.
    #[serde(default)]
    pub trust_device: Option<String>,
}

impl CodeForm {
    /// The code as six digits, or the page's errors in `lang`.
    pub fn normalised(&self, lang: Language) -> Result<String, FormErrors> {
        normalise_code(&self.code).map_err(|problem| {
            let mut errors = FormErrors::default();
            errors.add("code", problem.say(lang));
            errors
        })
    }
}

/// The page's words: `intro` in the page's language; `title`, `hint` and the labels of
/// `resend` and `alternatives` are message ids (`locales/*/*.ftl`), translated on the page.
#[derive(Template)]
#[template(path = "code_page.html")]
pub struct CodePage {
    pub layout: Layout,
    /// A message id: "login-code-title".
    pub title: &'static str,
    pub intro: String,
    /// A message id: `SMS_HINT` or `APP_HINT`.
    pub hint: &'static str,
    pub action: String,
    /// Sent back with the code at sign-in: which method it is from.
    pub with: Option<&'static str>,
    pub resend: Option<Resend>,
    /// Other ways to finish ("Use a recovery code", "Use authenticator app"…).
    pub alternatives: Vec<Alternative>,
    /// At sign-in: offer "Trust this device".
    pub offer_trust: bool,
    /// Where "Back" leads, on a step of a set-up.
    pub back: Option<&'static str>,
    /// "Step 2 of 3", on a step of a set-up.
    pub step: Option<Step>,
    pub errors: FormErrors,
}

/// The "Send code" / "Send again" form of an SMS code page.
pub struct Resend {
    pub action: String,
    /// A message id: "login-send-code" or "login-send-again".
    pub label: &'static str,
    /// Seconds until a new code will be accepted; 0 when it is now. Meanwhile the button
    /// is disabled and the page says when ("at 19:14:05 UTC").
    pub wait_secs: i64,
    /// When a new code can be asked for, once `wait_secs` is over 0.
    pub next_at: String,
    /// No code was sent yet: sending is the page's first step, shown above the field.
    pub first: bool,
}

pub struct Alternative {
    pub href: String,
    /// A message id: "login-use-recovery-code".
    pub label: &'static str,
}

impl Resend {
    /// The seconds left, in the element the page's script counts down.
    pub fn countdown(&self) -> String {
        format!("<span data-countdown>{}</span>", self.wait_secs)
    }
}

/// What the code field says about the code (message ids).
pub const SMS_HINT: &str = "login-sms-hint";
pub const APP_HINT: &str = "login-app-hint";

impl CodePage {
    pub fn with_errors(mut self, errors: FormErrors) -> Self {
        self.errors = errors;
        self
    }

    pub fn respond(&self, status: StatusCode) -> Result<HttpResponse, AppError> {
        render(status, self)
    }
}

/// What a failed check tells the person in `lang`, and with which status.
pub fn code_failure(outcome: &CheckOutcome, lang: Language) -> (StatusCode, FormErrors) {
    let (status, message) = match outcome {
        CheckOutcome::Wrong { tries_left } => (
            StatusCode::UNAUTHORIZED,
            lang.tr("login-code-wrong").count(*tries_left).to_string(),
        ),
        CheckOutcome::Locked | CheckOutcome::Dead => {
            (StatusCode::TOO_MANY_REQUESTS, lang.t("login-code-locked"))
        }
        CheckOutcome::Expired => (StatusCode::GONE, lang.t("login-code-expired")),
        CheckOutcome::NoCode | CheckOutcome::Verified { .. } => {
            (StatusCode::GONE, lang.t("login-code-none"))
        }
    };
    let mut errors = FormErrors::default();
    errors.add("code", message);
    (status, errors)
}

/// What a send that did not happen tells the person: a 429 for a limit; for the provider
/// the page itself with its message and "Send again", answered 200 (a handled failure of an
/// upstream is not a failure of the portal, and load balancers eject instances that answer
/// 5xx); anything unexpected becomes the 500 page.
/// True when a limit refused the send (nothing went out): the code page itself says which
/// and when a new code can be asked for, so the POST is answered with a redirect to it.
pub fn is_refusal(err: &SendError) -> bool {
    matches!(err, SendError::Refused(_))
}

/// Back to the code page after a refused send: the page says which limit and when a code
/// can be asked for. "Send again" is enabled without JavaScript, so a press before the wait
/// is over is told so at the top of the page too.
pub fn back_after_refusal(err: &SendError, page: &str) -> HttpResponse {
    match err {
        SendError::Refused(Refusal::Cooldown { .. }) => {
            let joint = if page.contains('?') { '&' } else { '?' };
            see_other(&format!("{page}{joint}notice=too-soon"))
        }
        _ => see_other(page),
    }
}

pub fn send_failure(
    err: SendError,
    now: i64,
    lang: Language,
) -> Result<(StatusCode, FormErrors), AppError> {
    let message = FormErrors::general(err.say(now, lang));
    match err {
        SendError::Refused(_) => Ok((StatusCode::TOO_MANY_REQUESTS, message)),
        SendError::Provider(_) => Ok((StatusCode::OK, message)),
        SendError::Unexpected(err) => Err(AppError::Unexpected(err)),
    }
}

/// Properties of the code form as a browser (or anyone) may send it.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_body_gives_a_six_digit_code_or_the_pages_error(
            body in prop_oneof![
                prop::collection::vec(any::<u8>(), 0..200),
                "(code|with|trust_device|csrf_token|[a-z%+]{0,6})=([0-9%+ \\-]|\\PC){0,12}(&|;)?"
                    .prop_map(String::into_bytes),
                prop::collection::vec(
                    "(code|with|trust_device)=[0-9A-F%+\\-]{0,9}",
                    0..5,
                ).prop_map(|pairs| pairs.join("&").into_bytes()),
            ],
        ) {
            if let Ok(form) = serde_urlencoded::from_bytes::<CodeForm>(&body) {
                match form.normalised(Language::English) {
                    Ok(code) => {
                        prop_assert_eq!(code.len(), crate::domain::codes::CODE_DIGITS);
                        prop_assert!(code.bytes().all(|b| b.is_ascii_digit()));
                    }
                    Err(errors) => prop_assert!(!errors.is_empty()),
                }
            }
        }
    }
}
