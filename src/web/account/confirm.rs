//! Re-authentication ("sudo mode"): sensitive changes need the password again unless it was
//! confirmed in the last 10 minutes. `require_recent_password` guards their scopes.

use actix_session::{Session, SessionExt};
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
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

/// Only pages of the account area may be returned to, with their query: no open redirect.
fn safe_next(next: &str) -> &str {
    let (path, query) = next.split_once('?').unwrap_or((next, ""));
    let allowed = path.starts_with("/account/")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_'))
        && query
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'&' | b'.'));
    if allowed { next } else { DEFAULT_NEXT }
}

/// What `next` must not carry unescaped inside the confirm page's own query: its `&` would
/// end the parameter.
const IN_QUERY: &AsciiSet = &CONTROLS.add(b'%').add(b'&').add(b'+').add(b'#').add(b' ');

/// Where a request that stopped to confirm the password comes back to. A GET comes back
/// to itself, query and all; a POST (never replayed) to the page at its address, which
/// asks the question again. `elsewhere` names the requests, by path, that come back to
/// another page instead: a download to the page it was on, a form whose address has no
/// page to the page that holds the form.
fn back_to(req: &HttpRequest, elsewhere: &[(&str, &'static str)]) -> String {
    let path = req.path();
    if let Some((_, page)) = elsewhere.iter().find(|(from, _)| *from == path) {
        return (*page).to_owned();
    }
    let asked = match (req.method(), req.uri().query()) {
        (&Method::GET | &Method::HEAD, Some(query)) => format!("{path}?{query}"),
        _ => path.to_owned(),
    };
    safe_next(&asked).to_owned()
}

/// Guards a scope of sensitive pages: without a password confirmed in the last 10 minutes
/// the request is sent to confirm it, coming back afterwards as [`back_to`] says.
pub async fn require_recent_password(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    elsewhere: &'static [(&'static str, &'static str)],
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let now = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.clock.now())
        .ok_or_else(|| AppError::Unexpected(anyhow::anyhow!("the application state is missing")))?;
    if recently_authenticated(&req.get_session(), now) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let (req, _) = req.into_parts();
    let back = back_to(&req, elsewhere);
    let redirect = see_other(&format!(
        "/account/confirm?next={}",
        utf8_percent_encode(&back, IN_QUERY)
    ));
    Ok(ServiceResponse::new(req, redirect))
}

#[derive(Template)]
#[template(path = "account/confirm.html")]
struct ConfirmPage {
    layout: Layout,
    next: String,
    /// False for an account made with a phone number that has not set a password yet.
    has_password: bool,
    errors: FormErrors,
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
    let next = safe_next(&query.next).to_owned();
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
    let next = safe_next(&next).to_owned();
    if password.expose_secret().is_empty() {
        let mut errors = FormErrors::default();
        errors.add("password", "Enter your password.");
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
            has_password: me.user.has_password(),
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
        assert_eq!(
            safe_next("/account/security/sms/verify?notice=code-sent&x=1"),
            "/account/security/sms/verify?notice=code-sent&x=1",
            "the query comes back too"
        );
        for hostile in [
            "https://evil.example",
            "//evil.example",
            "/account/../admin",
            "/login",
            "/login?next=/account/x",
            "/account/x?y=<script>",
            "/account/x?y=%0d%0a",
            "",
        ] {
            assert_eq!(safe_next(hostile), "/account/security", "{hostile}");
        }
    }
}

/// Properties of where confirming the password returns to.
#[cfg(test)]
mod properties {
    use super::{DEFAULT_NEXT, safe_next};
    use crate::web::session::properties::{assert_same_site_path, hostile_address};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn only_a_page_of_the_account_area_is_returned_to(next in hostile_address()) {
            let kept = safe_next(&next);
            prop_assert!(kept == next || kept == DEFAULT_NEXT);
            assert_same_site_path(kept)?;
            prop_assert!(kept.starts_with("/account/"));
            prop_assert!(!kept.contains(".."), "{kept:?}");
        }
    }
}
