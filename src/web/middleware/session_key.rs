//! The session cookie carries a random session key signed under a key derived from the
//! secret key; actix-session checks it under the current key only. During a rotation
//! (`TWOSTEP_SECRET_KEY_PREVIOUS` set) a cookie signed under a previous key is signed again
//! under the current one before the session middleware reads it, so the session goes on;
//! the next change to the session sends the browser a cookie signed under the current key.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, CookieJar, Key};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{COOKIE, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;

use crate::domain::keyring::Keyring;
use crate::web::state::AppState;

pub async fn accept_previous_keys(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
    cookie_name: &'static str,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let keyring = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.services.keyring().clone());
    if let Some(keyring) = keyring.filter(|ring| ring.ids().len() > 1) {
        // Read from the header, not `req.cookie`: that would cache the cookies unchanged
        // for the session middleware.
        let header = req
            .headers()
            .get_all(COOKIE)
            .filter_map(|value| value.to_str().ok())
            .collect::<Vec<_>>()
            .join("; ");
        if let Some(rewritten) = resigned(&header, cookie_name, &keyring)
            && let Ok(value) = HeaderValue::from_str(&rewritten)
        {
            req.headers_mut().insert(COOKIE, value);
        }
    }
    next.call(req).await
}

/// The `Cookie` header with the session cookie signed under the current key, when it was
/// signed under a previous one; `None` when there is nothing to change.
fn resigned(header: &str, cookie_name: &str, keyring: &Keyring) -> Option<String> {
    // actix-session percent-encodes the value it signs (a base64 MAC holds `=`).
    let cookies: Vec<Cookie<'static>> = header
        .split(';')
        .filter_map(|pair| Cookie::parse_encoded(pair.trim().to_owned()).ok())
        .collect();
    let session = cookies.iter().find(|c| c.name() == cookie_name)?.clone();
    let mut jar = CookieJar::new();
    jar.add_original(session);
    let current = Key::derive_from(keyring.current());
    if jar.signed(&current).get(cookie_name).is_some() {
        return None;
    }
    let plain = keyring
        .keys()
        .skip(1)
        .find_map(|(_, key)| jar.signed(&Key::derive_from(key)).get(cookie_name))?;
    let mut signed = CookieJar::new();
    signed.signed_mut(&current).add(plain);
    let value = signed.get(cookie_name)?.value().to_owned();
    Some(
        cookies
            .into_iter()
            .map(|c| {
                let c = if c.name() == cookie_name {
                    Cookie::new(cookie_name, value.clone())
                } else {
                    c
                };
                c.encoded().to_string()
            })
            .collect::<Vec<_>>()
            .join("; "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cookie's value as actix-session sends it: signed, then percent-encoded.
    fn signed_under(key: &[u8; 32], value: &str) -> String {
        let mut jar = CookieJar::new();
        jar.signed_mut(&Key::derive_from(key))
            .add(Cookie::new("s", value.to_owned()));
        let cookie = jar.get("s").unwrap().clone();
        cookie.encoded().to_string()["s=".len()..].to_owned()
    }

    #[test]
    fn a_cookie_of_a_previous_key_is_signed_again_under_the_current_one() {
        let ring = Keyring::new([2; 32], [[1; 32]]);
        let header = format!("a=1; s={}; b=2", signed_under(&[1; 32], "session-key"));
        let rewritten = resigned(&header, "s", &ring).unwrap();
        assert_eq!(
            rewritten,
            format!("a=1; s={}; b=2", signed_under(&[2; 32], "session-key"))
        );
        // Under the current key already, or under no key held: left alone.
        assert_eq!(resigned(&rewritten, "s", &ring), None);
        let stranger = format!("s={}", signed_under(&[3; 32], "session-key"));
        assert_eq!(resigned(&stranger, "s", &ring), None);
        assert_eq!(resigned("a=1", "s", &ring), None);
    }
}
