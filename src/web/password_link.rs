//! "Set your password" (`/password/set?token=…`): where a user an administrator added, or
//! handed a new link, chooses their password. The link works once; afterwards the person
//! signs in, and the policy applies as at any sign-in.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::errors::AppError;
use super::forms::FormErrors;
use super::layout::Layout;
use super::login::empty_secret;
use super::request::Visitor;
use super::{render, see_other};
use crate::domain::password::check_new_password;
use crate::services::password_reset::ResetRequest;

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
    );
}

#[derive(Template)]
#[template(path = "password_forgot.html")]
struct ForgotPage {
    layout: Layout,
    sent: bool,
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
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let page = ForgotPage {
        layout,
        sent: query.sent == "yes",
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
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let typed = form.email.trim();
    if typed.is_empty() || typed.len() > 254 {
        let mut errors = FormErrors::default();
        errors.add("email", "Enter the email address you sign in with.");
        let page = ForgotPage {
            layout,
            sent: false,
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
        ResetRequest::Answered => Ok(see_other("/password/forgot?sent=yes")),
        ResetRequest::Throttled => Err(AppError::TooMany(
            "Too many reset links were asked for. Wait an hour and try again, or ask your administrator.",
        )),
    }
}

const LINK_DEAD: &str = "This link has expired or was already used. Ask for a new one with \"Forgot your password?\" on the sign-in page, or ask your administrator.";
/// The longest token accepted: a real one is 43 characters.
const TOKEN_MAX: usize = 64;

#[derive(Template)]
#[template(path = "password_set.html")]
struct SetPasswordPage {
    layout: Layout,
    token: String,
    email: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    token: String,
}

async fn set_password_form(
    visitor: Visitor,
    query: web::Query<LinkQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if query.token.len() > TOKEN_MAX {
        return Err(AppError::Forbidden(LINK_DEAD));
    }
    let Some(user) = visitor.services().password_link_owner(&query.token).await? else {
        return Err(AppError::Forbidden(LINK_DEAD));
    };
    render(
        StatusCode::OK,
        &SetPasswordPage {
            layout,
            token: query.token.clone(),
            email: user.email,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct SetPasswordForm {
    #[serde(default)]
    token: String,
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
        new_password,
    } = form.into_inner();
    if token.len() > TOKEN_MAX {
        return Err(AppError::Forbidden(LINK_DEAD));
    }
    let Some(user) = visitor.services().password_link_owner(&token).await? else {
        return Err(AppError::Forbidden(LINK_DEAD));
    };
    let mut errors = FormErrors::default();
    if new_password.expose_secret().is_empty() {
        errors.add("new_password", "Choose a password.");
    } else if let Err(problem) =
        check_new_password(new_password.expose_secret(), &[&user.email, &user.name])
    {
        errors.add("new_password", problem);
    }
    if !errors.is_empty() {
        let page = SetPasswordPage {
            layout,
            token,
            email: user.email,
            errors,
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    match visitor
        .services()
        .set_password_with_link(&token, new_password, &visitor.origin)
        .await?
    {
        Some(_) => Ok(see_other("/login?notice=password-set")),
        // Used by another request meanwhile.
        None => Err(AppError::Forbidden(LINK_DEAD)),
    }
}
