//! Re-authentication ("sudo mode"): sensitive changes need the password again unless it was
//! confirmed in the last 10 minutes. `require_recent_password` guards their scopes.

use actix_session::{Session, SessionExt};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::services::account::PasswordCheck;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::login::empty_secret;
use crate::web::request::SignedIn;
use crate::web::session::{confirm_password, recently_authenticated};
use crate::web::{AppState, render, see_other};

const DEFAULT_NEXT: &str = "/account/security";

/// Only pages of the account area may be returned to: no open redirect.
fn safe_next(next: &str) -> &str {
    let allowed = next.starts_with("/account/")
        && next
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'));
    if allowed { next } else { DEFAULT_NEXT }
}

/// Guards a scope of sensitive pages: without a password confirmed in the last 10 minutes
/// the request is sent to confirm it, coming back afterwards to the page asked for (a GET),
/// or for a form sent (a POST, which is not replayed) to `return_to`, the page that asks
/// for it again.
pub async fn require_recent_password(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    return_to: &'static str,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let now = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.clock.now())
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("the application state is missing")))?;
    if recently_authenticated(&req.get_session(), now) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let (req, _) = req.into_parts();
    let back_to = if matches!(*req.method(), Method::GET | Method::HEAD) {
        safe_next(req.path())
    } else {
        safe_next(return_to)
    };
    let redirect = see_other(&format!("/account/confirm?next={back_to}"));
    Ok(ServiceResponse::new(req, redirect))
}

#[derive(Template)]
#[template(path = "account/confirm.html")]
struct ConfirmPage {
    layout: Layout,
    next: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn confirm_form(
    query: web::Query<NextQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(&query.next).to_owned();
    render(
        StatusCode::OK,
        &ConfirmPage {
            layout,
            next,
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
    let next = safe_next(&next).to_owned();
    if password.expose_secret().is_empty() {
        let mut errors = FormErrors::default();
        errors.add("password", "Enter your password.");
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ConfirmPage {
                layout,
                next,
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
            FormErrors::general("Too many wrong passwords. Wait 15 minutes and try again."),
        ),
        PasswordCheck::Wrong => {
            let mut errors = FormErrors::default();
            errors.add("password", "That password is not right.");
            (StatusCode::UNAUTHORIZED, errors)
        }
    };
    render(
        status,
        &ConfirmPage {
            layout,
            next,
            errors,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_account_pages_are_returned_to() {
        assert_eq!(safe_next("/account/security/sms"), "/account/security/sms");
        for hostile in [
            "https://evil.example",
            "//evil.example",
            "/account/../admin",
            "/login",
            "/account/x?y=z",
            "",
        ] {
            assert_eq!(safe_next(hostile), "/account/security", "{hostile}");
        }
    }
}
