//! "Set your password" (`/password/set?token=…`): where a user an administrator added, or
//! handed a new link, chooses their password. The link works once; afterwards the person
//! signs in, and the policy applies as at any sign-in. For an account made with a phone
//! number whose address is not confirmed yet, the page also asks for a code texted to the
//! account's verified number (`services::password_reset`).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::code_form::{Resend, back_after_refusal, code_failure, is_refusal, send_failure};
use super::errors::AppError;
use super::forms::FormErrors;
use super::forms::empty_secret;
use super::layout::Layout;
use super::request::Visitor;
use super::responses::{render, see_other};
use super::session::{note_sent_to, sent_to};
use crate::domain::codes::{Purpose, Subject, normalise_code};
use crate::domain::password::check_new_password;
use crate::domain::phone::mask_phone;
use crate::domain::time::time_of_day;
use crate::services::password_reset::{LinkOwner, LinkUse, ResetRequest};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/password/forgot")
            .route(web::get().to(forgot_form))
            .route(web::post().to(forgot)),
    )
    .service(
        web::resource("/password/set")
            .route(web::get().to(set_password_form))
            .route(web::post().to(set_password)),
    )
    .service(web::resource("/password/set/code").route(web::post().to(send_code)));
}

#[derive(Template)]
#[template(path = "password_forgot.html")]
struct ForgotPage {
    layout: Layout,
    sent: bool,
    /// After sending: the address typed on the form.
    sent_to: Option<String>,
    email: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct SentQuery {
    #[serde(default)]
    sent: String,
}

/// "Forgot your password?", and after it "Check your email".
async fn forgot_form(
    query: web::Query<SentQuery>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let sent = query.sent == "yes";
    let page = ForgotPage {
        layout,
        sent,
        sent_to: sent.then(|| sent_to(&session)).flatten(),
        email: String::new(),
        errors: FormErrors::default(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

/// The same answer whether or not an account has the address: "Check your email".
#[tracing::instrument(name = "Forgot the password", skip_all)]
async fn forgot(
    visitor: Visitor,
    form: web::Form<ForgotForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let typed = form.email.trim();
    if typed.is_empty() || typed.len() > 254 {
        let mut errors = FormErrors::default();
        errors.add("email", layout.lang.t("public-forgot-email-empty"));
        let page = ForgotPage {
            layout,
            sent: false,
            sent_to: None,
            email: typed.chars().take(254).collect(),
            errors,
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    match visitor
        .services()
        .request_password_reset(typed, &visitor.origin)
        .await?
    {
        ResetRequest::Answered => {
            note_sent_to(&session, typed)?;
            Ok(see_other("/password/forgot?sent=yes"))
        }
        ResetRequest::Throttled => Err(AppError::TooMany("public-forgot-throttled")),
    }
}

const LINK_DEAD: &str = "public-password-link-dead";
const NO_PHONE: &str = "public-password-link-no-phone";
/// The longest token accepted: a real one is 43 characters.
const TOKEN_MAX: usize = 64;

#[derive(Template)]
#[template(path = "password_set.html")]
struct SetPasswordPage {
    layout: Layout,
    token: String,
    email: String,
    /// The masked number a code is asked from as well, when the address is not confirmed.
    phone: Option<String>,
    /// A code to that number is waiting to be entered.
    code_waiting: bool,
    /// "Text me a code" / "Send again", or why no code can be sent now.
    resend: Option<Resend>,
    limit: Option<String>,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    token: String,
}

/// The live link's account, or the page that says the link is dead.
async fn link_owner(visitor: &Visitor, token: &str) -> Result<LinkOwner, AppError> {
    if token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    let owner = visitor
        .services()
        .password_link_owner(token)
        .await?
        .ok_or(AppError::LinkExpired(LINK_DEAD))?;
    if owner.address_unconfirmed && owner.phone_to_prove.is_none() {
        return Err(AppError::Forbidden(NO_PHONE));
    }
    Ok(owner)
}

async fn page(
    visitor: &Visitor,
    layout: Layout,
    token: String,
    owner: LinkOwner,
    errors: FormErrors,
) -> Result<SetPasswordPage, AppError> {
    let mut page = SetPasswordPage {
        layout,
        token,
        email: owner.address,
        phone: None,
        code_waiting: false,
        resend: None,
        limit: None,
        errors,
    };
    let Some(phone) = owner.phone_to_prove else {
        return Ok(page);
    };
    let status = visitor
        .services()
        .code_status(
            &Subject::User(owner.user.id),
            Purpose::PasswordSet,
            &phone,
            &visitor.origin,
        )
        .await?;
    let now = visitor.state.clock.now();
    page.code_waiting = status.waiting_for.as_deref() == Some(phone.as_str());
    page.resend = status.limit.is_none().then(|| Resend {
        action: format!("/password/set/code?token={}", page.token),
        label: if page.code_waiting {
            "public-send-again"
        } else {
            "public-text-me-code"
        },
        wait_secs: status.wait_secs,
        next_at: time_of_day(now + status.wait_secs),
        first: !page.code_waiting,
    });
    page.limit = status.limit.map(|limit| limit.say(page.layout.lang));
    page.phone = Some(mask_phone(&phone));
    Ok(page)
}

async fn set_password_form(
    visitor: Visitor,
    query: web::Query<LinkQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let owner = link_owner(&visitor, &query.token).await?;
    let page = page(
        &visitor,
        layout,
        query.into_inner().token,
        owner,
        FormErrors::default(),
    )
    .await?;
    render(StatusCode::OK, &page)
}

/// "Text me a code": the code the page asks for, to the account's verified number.
#[tracing::instrument(name = "Send the code a password link asks for", skip_all)]
async fn send_code(
    visitor: Visitor,
    query: web::Query<LinkQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let owner = link_owner(&visitor, &query.token).await?;
    let token = query.into_inner().token;
    let back = format!("/password/set?token={token}");
    if owner.phone_to_prove.is_none() {
        return Ok(see_other(&back));
    }
    match visitor
        .services()
        .send_link_code(&owner, &visitor.origin)
        .await
    {
        Ok(()) => Ok(see_other(&back)),
        // The page says which limit, and when a new code can be asked for.
        Err(err) if is_refusal(&err) => Ok(back_after_refusal(&err, &back)),
        Err(err) => {
            let (status, errors) = send_failure(err, visitor.state.clock.now(), layout.lang)?;
            let page = page(&visitor, layout, token, owner, errors).await?;
            render(status, &page)
        }
    }
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    token: String,
    /// The code texted to the account's number, when the page asks for one.
    #[serde(default)]
    code: String,
    #[serde(default = "empty_secret")]
    new_password: SecretString,
}

#[tracing::instrument(name = "Set a password with a link", skip_all)]
async fn set_password(
    visitor: Visitor,
    form: web::Form<SetPasswordForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let SetPasswordForm {
        token,
        code,
        new_password,
    } = form.into_inner();
    let owner = link_owner(&visitor, &token).await?;
    let mut errors = FormErrors::default();
    let code = if owner.phone_to_prove.is_some() {
        match normalise_code(&code) {
            Ok(code) => Some(code),
            Err(problem) => {
                errors.add("code", problem.say(layout.lang));
                None
            }
        }
    } else {
        None
    };
    if new_password.expose_secret().is_empty() {
        errors.add("new_password", layout.lang.t("public-choose-password"));
    } else if let Err(problem) = check_new_password(
        new_password.expose_secret(),
        &[&owner.address, &owner.user.name],
    ) {
        errors.add("new_password", problem.say(layout.lang));
    }
    if !errors.is_empty() {
        let page = page(&visitor, layout, token, owner, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    match visitor
        .services()
        .set_password_with_link(&token, new_password, code.as_deref(), &visitor.origin)
        .await?
    {
        LinkUse::Set(_) => Ok(see_other("/login?notice=password-set")),
        // Used by another request meanwhile, or the password changed.
        LinkUse::Dead => Err(AppError::LinkExpired(LINK_DEAD)),
        LinkUse::CodeRefused(outcome) => {
            let (status, errors) = code_failure(&outcome, layout.lang);
            let page = page(&visitor, layout, token, owner, errors).await?;
            render(status, &page)
        }
    }
}
