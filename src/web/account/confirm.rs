//! "Confirm your password": the page every sensitive action, personal or administrative,
//! is sent to when the password was not confirmed in the last 10 minutes
//! (`middleware::recent_password`).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::first_password::FIRST_PASSWORD_PAGE;
use crate::i18n::escape_html;
use crate::services::account::PasswordCheck;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::forms::empty_secret;
use crate::web::layout::Layout;
use crate::web::middleware::recent_password::safe_return;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::confirm_password;

#[derive(Template)]
#[template(path = "account/confirm.html")]
struct ConfirmPage {
    layout: Layout,
    next: String,
    /// False for an account made with a phone number that has not set a password yet.
    has_password: bool,
    errors: FormErrors,
}

impl ConfirmPage {
    /// "Your account has no password yet. Set a password first…", with its link.
    fn no_password(&self) -> String {
        let link = format!(
            r#"<a href="{FIRST_PASSWORD_PAGE}">{}</a>"#,
            escape_html(&self.layout.lang.t("account-set-a-password"))
        );
        self.layout
            .tr("account-confirm-no-password")
            .html("link", &link)
    }
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn confirm_form(
    me: SignedIn,
    query: web::Query<NextQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let next = safe_return(&query.next).to_owned();
    render(
        StatusCode::OK,
        &ConfirmPage {
            layout,
            next,
            has_password: me.user.has_password(),
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default = "empty_secret")]
    password: SecretString,
    #[serde(default)]
    next: String,
}

#[tracing::instrument(name = "Confirm the password", skip_all, fields(user_id = me.user.id))]
pub async fn confirm(
    me: SignedIn,
    form: web::Form<ConfirmForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let ConfirmForm { password, next } = form.into_inner();
    let next = safe_return(&next).to_owned();
    if password.expose_secret().is_empty() {
        let mut errors = FormErrors::default();
        errors.add("password", layout.lang.t("account-enter-password"));
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ConfirmPage {
                layout,
                next,
                has_password: me.user.has_password(),
                errors,
            },
        );
    }
    let (status, errors) = match me
        .services()
        .confirm_password(&me.user, password, &me.origin)
        .await?
    {
        PasswordCheck::Right => {
            confirm_password(&session, me.state.clock.now())?;
            return Ok(see_other(&next));
        }
        PasswordCheck::Throttled => (
            StatusCode::TOO_MANY_REQUESTS,
            FormErrors::general(layout.lang.t("account-too-many-passwords")),
        ),
        PasswordCheck::Wrong => {
            let mut errors = FormErrors::default();
            errors.add("password", layout.lang.t("account-password-wrong"));
            (StatusCode::UNAUTHORIZED, errors)
        }
    };
    render(
        status,
        &ConfirmPage {
            layout,
            next,
            has_password: me.user.has_password(),
            errors,
        },
    )
}
