//! Creating an account: `/register` for everyone, and the same form behind the one-time
//! setup link for the first administrator; `/register/phone` in `phone`.

pub mod phone;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::SecretString;
use serde::Deserialize;

use crate::services::account::{Confirmation, CreateError};
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::forms::empty_secret;
use crate::web::layout::Layout;
use crate::web::parts::account_fields::{AccountForm, TypedAccount};
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::{note_sent_to, sent_to, start_session};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/register")
            .route(web::get().to(register_form))
            .route(web::post().to(register)),
    )
    .service(web::resource("/register/check-email").route(web::get().to(check_email)))
    .service(
        web::resource("/register/confirm")
            .route(web::get().to(confirm_form))
            .route(web::post().to(confirm)),
    );
    phone::routes(cfg);
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    layout: Layout,
    typed: TypedAccount,
    errors: FormErrors,
}

/// Said when "Let people create their own accounts" is off.
pub const REGISTRATION_CLOSED: &str = "public-registration-closed";

async fn register_form(layout: Layout) -> Result<HttpResponse, AppError> {
    if layout.user.is_some() {
        return Ok(see_other("/"));
    }
    if !layout.open_registration {
        return Err(AppError::Forbidden(REGISTRATION_CLOSED));
    }
    render(
        StatusCode::OK,
        &RegisterPage {
            layout,
            typed: TypedAccount::default(),
            errors: FormErrors::default(),
        },
    )
}

/// Registers, and answers "Check your email" whether or not the address has an account:
/// the same redirect, the same page, no session (the services layer does the same work
/// either way). Only a form that cannot be an account's (a missing name, a weak password)
/// comes back with its errors, and that says nothing about any account.
#[tracing::instrument(name = "Register an account", skip_all)]
async fn register(
    Visitor { state, origin }: Visitor,
    form: web::Form<AccountForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let account = match form.into_inner().validate(layout.lang) {
        Ok(account) => account,
        Err((errors, typed)) => {
            let page = RegisterPage {
                layout,
                typed,
                errors,
            };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match state.services.register(&account, &origin).await {
        Ok(()) => {
            note_sent_to(&session, &account.email)?;
            Ok(see_other("/register/check-email"))
        }
        Err(CreateError::Refused) => {
            let page = RegisterPage {
                typed: TypedAccount::from(&account),
                errors: FormErrors::general(layout.lang.t("public-too-many-accounts")),
                layout,
            };
            render(StatusCode::TOO_MANY_REQUESTS, &page)
        }
        Err(CreateError::Closed) => Err(AppError::Forbidden(REGISTRATION_CLOSED)),
        Err(CreateError::EmailTaken) => {
            let never = anyhow::anyhow!("registration never reports a taken address");
            Err(AppError::Unexpected(never))
        }
        Err(CreateError::Unexpected(err)) => Err(AppError::Unexpected(err)),
    }
}

#[derive(Template)]
#[template(path = "register_check_email.html")]
struct CheckEmailPage {
    layout: Layout,
    /// The address typed on the form.
    sent_to: Option<String>,
}

impl CheckEmailPage {
    /// "create your account again", the link inside its sentence.
    fn again_link(&self) -> String {
        format!(
            r#"<a href="/register">{}</a>"#,
            crate::i18n::escape_html(&self.layout.lang.t("public-check-email-again-link"))
        )
    }
}

/// "Check your email", after registering.
async fn check_email(layout: Layout, session: Session) -> Result<HttpResponse, AppError> {
    let sent_to = sent_to(&session);
    render(StatusCode::OK, &CheckEmailPage { layout, sent_to })
}

const LINK_DEAD: &str = "public-confirm-link-dead";
/// The longest token accepted: a real one is 43 characters.
const TOKEN_MAX: usize = 64;

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

#[derive(Template)]
#[template(path = "register_confirm.html")]
struct ConfirmPage {
    layout: Layout,
    token: String,
    /// The account was made at `/register`: the password chosen there confirms it.
    asks_password: bool,
    errors: FormErrors,
}

/// The emailed link: a page with one button (and the password chosen at registration).
/// Opening the link changes nothing (mail scanners open links too); pressing "Confirm
/// email address" does.
async fn confirm_form(
    Visitor { state, .. }: Visitor,
    query: web::Query<TokenQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if query.token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    let Some(asks_password) = state.services.confirmation_link(&query.token).await? else {
        return Err(AppError::LinkExpired(LINK_DEAD));
    };
    let page = ConfirmPage {
        layout,
        token: query.token.clone(),
        asks_password,
        errors: FormErrors::default(),
    };
    render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    token: String,
    #[serde(default = "empty_secret")]
    password: SecretString,
}

/// Confirms the address and signs the new account in (the policy applies as at any
/// sign-in: set-up first where 2-step verification is required).
#[tracing::instrument(name = "Confirm an email address", skip_all)]
async fn confirm(
    Visitor { state, origin }: Visitor,
    form: web::Form<ConfirmForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let ConfirmForm { token, password } = form.into_inner();
    if token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    let (status, message) = match state
        .services
        .confirm_email(&token, password, &origin)
        .await?
    {
        Confirmation::Confirmed(user) => {
            start_session(
                &state,
                &session,
                &user,
                &origin,
                &[crate::domain::oidc::Proof::Password],
            )
            .await?;
            return Ok(see_other("/?notice=welcome"));
        }
        Confirmation::LinkDead => return Err(AppError::LinkExpired(LINK_DEAD)),
        Confirmation::Throttled => (StatusCode::TOO_MANY_REQUESTS, "public-confirm-throttled"),
        Confirmation::PasswordWrong => (StatusCode::UNAUTHORIZED, "public-confirm-password-wrong"),
    };
    let mut errors = FormErrors::default();
    errors.add("password", layout.lang.t(message));
    let page = ConfirmPage {
        layout,
        token,
        asks_password: true,
        errors,
    };
    render(status, &page)
}
