//! The trusted-device cookie: a 256-bit random token; the server keeps only its SHA-256,
//! bound to the user, with its own expiry. The cookie lets a browser skip the code step,
//! never the password.

use actix_web::HttpRequest;
use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};

/// Browsers keep no cookie longer than 400 days; "until removed" is as long as they allow.
const COOKIE_MAX_DAYS: i64 = 400;

pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-twostep_trusted"
    } else {
        "twostep_trusted"
    }
}

/// The token this browser holds, if it looks like one.
pub fn device_token(req: &HttpRequest, https: bool) -> Option<String> {
    req.cookie(cookie_name(https))
        .map(|cookie| cookie.value().to_owned())
        .filter(|token| token.len() == 43)
}

/// The cookie that carries a new device's token, living as long as the device is trusted.
pub fn cookie(token: String, trusted_days: Option<i64>, https: bool) -> Cookie<'static> {
    let days = trusted_days.unwrap_or(COOKIE_MAX_DAYS).min(COOKIE_MAX_DAYS);
    Cookie::build(cookie_name(https), token)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(days))
        .finish()
}
