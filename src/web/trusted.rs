//! The trusted-device cookie: a 256-bit random token; the server keeps only its SHA-256,
//! bound to the user, with its own expiry. The cookie lets a browser skip the code step,
//! never the password.

use actix_web::HttpRequest;
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};

use crate::db::audit::Origin;
use crate::db::devices::{NewDevice, insert_device, use_device};
use crate::domain::tokens::{random_token, token_digest};
use crate::web::AppState;
use crate::web::errors::AppError;

/// Browsers keep no cookie longer than 400 days; "until removed" is as long as they allow.
const COOKIE_MAX_DAYS: i64 = 400;

pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-twostep_trusted"
    } else {
        "twostep_trusted"
    }
}

fn token_from(req: &HttpRequest, https: bool) -> Option<String> {
    req.cookie(cookie_name(https))
        .map(|cookie| cookie.value().to_owned())
        .filter(|token| token.len() == 43)
}

/// True when this browser holds a live trusted-device token of this user (and records the
/// use). A token of another user, a forged one or an expired one is worth nothing.
pub async fn is_trusted(
    state: &AppState,
    req: &HttpRequest,
    user_id: i64,
) -> Result<bool, AppError> {
    let Some(token) = token_from(req, state.settings.is_https()) else {
        return Ok(false);
    };
    Ok(use_device(&state.db, user_id, &token_digest(&token), state.clock.now()).await?)
}

/// Trusts this browser for the user; returns the cookie to set.
pub async fn trust(
    state: &AppState,
    user_id: i64,
    origin: &Origin,
) -> Result<Cookie<'static>, AppError> {
    let platform = state.platform.get().await?;
    let now = state.clock.now();
    let token = random_token();
    let device = NewDevice {
        user_id,
        token_hash: &token_digest(&token),
        user_agent: origin.user_agent.as_deref(),
        ip: origin.ip.as_deref(),
        expires_at: platform.trusted_device_days.map(|days| now + days * 86_400),
    };
    insert_device(&state.db, &device, now).await?;
    let https = state.settings.is_https();
    let days = platform
        .trusted_device_days
        .unwrap_or(COOKIE_MAX_DAYS)
        .min(COOKIE_MAX_DAYS);
    Ok(Cookie::build(cookie_name(https), token)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(days))
        .finish())
}
