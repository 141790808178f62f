//! The browser cookie of sign-in alerts: a long-lived random token of the browser's own,
//! set at its first sign-in. It is not the trusted-device cookie and skips nothing: the
//! server keeps only its SHA-256 per account, to tell a browser the account has used from
//! a new one. Once a page that completed a sign-in is answered, the sign-in is noted
//! (`Services::sign_in_completed`).

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, web};

use crate::web::request::origin_of;
use crate::web::session::take_signed_in_now;
use crate::web::state::AppState;

/// As long as browsers keep a cookie.
const COOKIE_DAYS: i64 = 400;

fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-twostep_browser"
    } else {
        "twostep_browser"
    }
}

/// The token this browser holds, if it looks like one of ours.
fn browser_token(req: &HttpRequest, https: bool) -> Option<String> {
    req.cookie(cookie_name(https))
        .map(|cookie| cookie.value().to_owned())
        .filter(|token| {
            token.len() == 43
                && token
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn cookie(token: String, https: bool) -> Cookie<'static> {
    Cookie::build(cookie_name(https), token)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(COOKIE_DAYS))
        .finish()
}

/// After a page that completed a sign-in: notes the browser for the account (which may
/// email the owner), and gives a browser without the cookie its own. A failure to note is
/// logged: the sign-in stands.
pub async fn note_sign_ins(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let mut res = next.call(req).await?.map_into_boxed_body();
    let Some(done) = take_signed_in_now(&res.request().get_session()) else {
        return Ok(res);
    };
    let Some(state) = res.request().app_data::<web::Data<AppState>>().cloned() else {
        return Ok(res);
    };
    let https = state.settings.is_https();
    let browser = browser_token(res.request(), https);
    let origin = origin_of(res.request());
    let noted = state
        .services
        .sign_in_completed(
            done.user_id,
            browser.as_deref(),
            done.password_step.as_deref(),
            &origin,
        )
        .await;
    match noted {
        Ok(noted) => {
            if let Some(token) = noted.new_cookie {
                res.response_mut()
                    .add_cookie(&cookie(token, https))
                    .map_err(actix_web::error::ErrorInternalServerError)?;
            }
        }
        Err(err) => {
            tracing::warn!(error = %err, user_id = done.user_id, "The browser of a sign-in could not be noted; no new-device email for it");
        }
    }
    Ok(res)
}
