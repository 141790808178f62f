//! actix-session writes one kind of cookie for every session; a session the user chose to
//! keep ("Stay signed in for 30 days") needs its cookie to outlive the browser. This runs
//! outside the session middleware and gives the session cookie the Max-Age that
//! `load_user` worked out. The server-side end is in the session itself, never in the cookie.

use actix_web::body::MessageBody;
use actix_web::cookie::Cookie;
use actix_web::cookie::time::Duration;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderValue, SET_COOKIE};
use actix_web::middleware::Next;

use super::auth::SessionCookieMaxAge;

pub async fn session_cookie_lifetime(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    cookie_name: &'static str,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    let Some(SessionCookieMaxAge(max_age)) = res
        .response()
        .extensions()
        .get::<SessionCookieMaxAge>()
        .copied()
    else {
        return Ok(res);
    };
    let headers = res.headers_mut();
    let rewritten: Vec<HeaderValue> = headers
        .get_all(SET_COOKIE)
        .filter_map(|value| {
            let text = value.to_str().ok()?;
            let mut cookie = Cookie::parse(text.to_owned()).ok()?;
            // Leave removals (Max-Age=0) and other cookies as they are.
            if cookie.name() == cookie_name && cookie.max_age().is_none() {
                cookie.set_max_age(Duration::seconds(max_age));
                HeaderValue::from_str(&cookie.to_string()).ok()
            } else {
                Some(value.clone())
            }
        })
        .collect();
    headers.remove(SET_COOKIE);
    for value in rewritten {
        headers.append(SET_COOKIE, value);
    }
    Ok(res)
}
