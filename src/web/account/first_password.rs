//! "Set a password" on My security settings, for an account made with a phone number,
//! which has none (PRODUCT.md rule 6). There is no password to confirm, so a fresh code
//! texted to the account's verified number stands in for it: the code page, then the new
//! password. Without a password such an account cannot turn 2-step verification on (phone
//! sign-in would then ask for a password it never had), so those pages lead here first.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::db::users::User;
use crate::domain::codes::{Purpose, Subject};
use crate::domain::password::check_new_password;
use crate::domain::phone::format_international;
use crate::domain::time::time_of_day;
use crate::web::code_form::{
    CodeForm, CodePage, Resend, SMS_HINT, back_after_refusal, code_failure, is_refusal,
    send_failure,
};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::forms::empty_secret;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{
    forget_phone_proof, phone_proven_for_password, prove_phone_for_password, start_session,
};

/// The code step (GET the page, POST the code).
pub const FIRST_PASSWORD_PAGE: &str = "/account/security/password";
/// "Send code" / "Send again"; there is no page at this address.
pub const SEND_ACTION: &str = "/account/security/password/send";
/// The new password, once the code was entered.
pub const NEW_PASSWORD_PAGE: &str = "/account/security/password/new";

/// Refusals (message ids).
const NO_PHONE: &str = "account-no-verified-phone";
const HAS_PASSWORD: &str = "account-has-password";

/// Where the user stands: the number to prove, or where to go instead.
enum Standing<'a> {
    Proves(&'a str),
    HasPassword,
}

fn standing(user: &User) -> Result<Standing<'_>, AppError> {
    if user.has_password() {
        return Ok(Standing::HasPassword);
    }
    user.verified_phone()
        .map(Standing::Proves)
        .ok_or(AppError::Conflict(NO_PHONE))
}

async fn code_page(me: &SignedIn, layout: Layout, phone: &str) -> Result<CodePage, AppError> {
    let status = me
        .services()
        .code_status(
            &Subject::User(me.user.id),
            Purpose::PasswordSet,
            phone,
            &me.origin,
        )
        .await?;
    let shown = format_international(phone);
    let waiting = status.waiting_for.as_deref() == Some(phone);
    let mut intro = layout
        .tr(if waiting {
            "account-first-password-code-sent"
        } else {
            "account-first-password-code-intro"
        })
        .arg("phone", shown)
        .to_string();
    let now = me.state.clock.now();
    let resend = match status.limit {
        Some(limit) => {
            intro = format!("{intro} {}", limit.say(layout.lang));
            None
        }
        None => Some(Resend {
            action: SEND_ACTION.into(),
            label: if waiting {
                "account-send-again"
            } else {
                "account-send-code"
            },
            wait_secs: status.wait_secs,
            next_at: time_of_day(now + status.wait_secs),
            first: !waiting,
        }),
    };
    Ok(CodePage {
        layout,
        title: "account-set-a-password",
        intro,
        hint: SMS_HINT,
        action: FIRST_PASSWORD_PAGE.into(),
        with: None,
        resend,
        alternatives: Vec::new(),
        offer_trust: false,
        back: Some("/account/security"),
        step: None,
        errors: FormErrors::default(),
    })
}

pub async fn code_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    match standing(&me.user)? {
        Standing::HasPassword => Ok(see_other("/account/password")),
        Standing::Proves(phone) => code_page(&me, layout, phone).await?.respond(StatusCode::OK),
    }
}

#[tracing::instrument(name = "Send the code for a first password", skip_all)]
pub async fn send_code(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    let Standing::Proves(phone) = standing(&me.user)? else {
        return Err(AppError::Conflict(HAS_PASSWORD));
    };
    match me
        .services()
        .send_first_password_code(&me.user, phone, &me.origin)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{FIRST_PASSWORD_PAGE}?notice=code-sent"
        ))),
        // The page says which limit, and when a new code can be asked for.
        Err(err) if is_refusal(&err) => Ok(back_after_refusal(&err, FIRST_PASSWORD_PAGE)),
        Err(err) => {
            let (status, errors) = send_failure(err, me.state.clock.now(), layout.lang)?;
            code_page(&me, layout, phone)
                .await?
                .with_errors(errors)
                .respond(status)
        }
    }
}

#[tracing::instrument(name = "Verify the code for a first password", skip_all)]
pub async fn verify_code(
    me: SignedIn,
    session: Session,
    form: web::Form<CodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Standing::Proves(phone) = standing(&me.user)? else {
        return Err(AppError::Conflict(HAS_PASSWORD));
    };
    let code = match form.normalised(layout.lang) {
        Ok(code) => code,
        Err(errors) => {
            return code_page(&me, layout, phone)
                .await?
                .with_errors(errors)
                .respond(StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let outcome = me
        .services()
        .check_first_password_code(&me.user, &code, &me.origin)
        .await?;
    if let crate::services::sms_codes::CheckOutcome::Verified { .. } = outcome {
        prove_phone_for_password(&session, me.user.id, me.state.clock.now())?;
        return Ok(see_other(NEW_PASSWORD_PAGE));
    }
    let (status, errors) = code_failure(&outcome, layout.lang);
    code_page(&me, layout, phone)
        .await?
        .with_errors(errors)
        .respond(status)
}

#[derive(Template)]
#[template(path = "account/first_password.html")]
struct NewPasswordPage {
    layout: Layout,
    /// The address the account is known by, for password managers.
    username: String,
    errors: FormErrors,
}

async fn username(me: &SignedIn) -> Result<String, AppError> {
    Ok(match me.services().pending_email(me.user.id).await? {
        Some(pending) => pending,
        None => me.user.email.clone(),
    })
}

pub async fn new_password_form(
    me: SignedIn,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if me.user.has_password() {
        return Ok(see_other("/account/password"));
    }
    if !phone_proven_for_password(&session, me.user.id, me.state.clock.now()) {
        return Ok(see_other(FIRST_PASSWORD_PAGE));
    }
    let page = NewPasswordPage {
        layout,
        username: username(&me).await?,
        errors: FormErrors::default(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default = "empty_secret")]
    new_password: SecretString,
}

/// A new password posted before the code was entered (a message id).
const CODE_FIRST: &str = "account-code-first";

#[tracing::instrument(name = "Set a first password", skip_all)]
pub async fn set_password(
    me: SignedIn,
    session: Session,
    form: web::Form<NewPasswordForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if me.user.has_password() {
        return Err(AppError::Conflict(HAS_PASSWORD));
    }
    if !phone_proven_for_password(&session, me.user.id, me.state.clock.now()) {
        return Err(AppError::Conflict(CODE_FIRST));
    }
    let new_password = form.into_inner().new_password;
    let username = username(&me).await?;
    let mut errors = FormErrors::default();
    if new_password.expose_secret().is_empty() {
        errors.add("new_password", layout.lang.t("account-choose-password"));
    } else if let Err(problem) =
        check_new_password(new_password.expose_secret(), &[&username, &me.user.name])
    {
        errors.add("new_password", problem.say(layout.lang));
    }
    if !errors.is_empty() {
        let page = NewPasswordPage {
            layout,
            username,
            errors,
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if !me
        .services()
        .set_first_password(&me.user, new_password, &me.origin)
        .await?
    {
        return Err(AppError::Conflict(HAS_PASSWORD));
    }
    forget_phone_proof(&session);
    // Every other session ended; this one continues under a new id.
    // The code to the verified number, then the new password.
    start_session(
        &me.state,
        &session,
        &me.user,
        &me.origin,
        &[
            crate::domain::oidc::Proof::Sms,
            crate::domain::oidc::Proof::Password,
        ],
    )
    .await?;
    Ok(see_other("/account/security?notice=password-added"))
}
