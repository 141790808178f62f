//! CSRF protection for every state-changing request.
//!
//! A signed double-submit cookie: the browser holds a random nonce in an `HttpOnly` cookie;
//! forms carry `HMAC(secret key, nonce | signed-in user)` in the `csrf_token` field. A POST
//! is served only when the field matches the cookie's nonce and the session's user. No
//! session is needed, so anonymous pages (the sign-in page under load) write nothing to the
//! database. On https the cookie takes the `__Host-` prefix, which a sibling subdomain
//! cannot set.

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::web::{Bytes, BytesMut};
use actix_web::{HttpMessage, web};
use futures_util::StreamExt;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::db::sessions::USER_ID_KEY;
use crate::domain::tokens::random_token;
use crate::web::context::CsrfToken;
use crate::web::errors::error_response;
use crate::web::multipart;
use crate::web::state::{AppState, MAX_BODY_BYTES};

pub const FORM_FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-twostep_csrf"
    } else {
        "twostep_csrf"
    }
}

fn sign(key: &[u8], nonce: &str, user_id: Option<i64>) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(b"twostep csrf\0");
    mac.update(nonce.as_bytes());
    mac.update(b"\0");
    mac.update(
        user_id
            .map_or_else(|| "-".to_owned(), |id| id.to_string())
            .as_bytes(),
    );
    hex::encode(mac.finalize().into_bytes())
}

fn is_well_formed_nonce(nonce: &str) -> bool {
    nonce.len() == 43
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

enum BodyError {
    TooLarge,
    Unreadable,
    /// A field that is not UTF-8 once decoded, or holds a NUL (no database stores it).
    BadText,
}

/// True when every name and value of a urlencoded body decodes to UTF-8 without NUL.
/// (The form extractors would silently replace bad bytes; refusing them is clearer.)
fn is_clean_form(body: &[u8]) -> bool {
    body.split(|&b| b == b'&').all(|pair| {
        let plus_as_space: Vec<u8> = pair
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let decoded: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
        std::str::from_utf8(&decoded).is_ok_and(|text| !text.contains('\0'))
    })
}

/// The largest body a route takes: a file upload's, or every other form's.
fn body_limit(path: &str) -> usize {
    if multipart::UPLOAD_PATHS.contains(&path) {
        multipart::UPLOAD_MAX_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// The token in a `multipart/form-data` body: its `csrf_token` field, not a file. Every
/// field that is not a file must be text without NUL, as in a urlencoded form.
fn multipart_token(body: &[u8], boundary: &str) -> Result<Option<String>, BodyError> {
    let parts = multipart::parse(body, boundary).map_err(|_| BodyError::Unreadable)?;
    let mut token = None;
    for part in parts.iter().filter(|part| part.filename.is_none()) {
        let text = std::str::from_utf8(part.data).map_err(|_| BodyError::BadText)?;
        if text.contains('\0') {
            return Err(BodyError::BadText);
        }
        if part.name == FORM_FIELD {
            token = Some(text.to_owned());
        }
    }
    Ok(token)
}

/// Reads the whole body (bounded), finds the token in it, and puts the body back for the
/// handler's extractor.
async fn take_form_token(req: &mut ServiceRequest) -> Result<Option<String>, BodyError> {
    let limit = body_limit(req.path());
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(BodyError::TooLarge);
    }
    let mut payload = req.take_payload();
    let mut body = BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| BodyError::Unreadable)?;
        if body.len() + chunk.len() > limit {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    let body: Bytes = body.freeze();
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let is_form = content_type.starts_with("application/x-www-form-urlencoded");
    if is_form && !is_clean_form(&body) {
        return Err(BodyError::BadText);
    }
    let token = if is_form {
        url::form_urlencoded::parse(&body)
            .find(|(name, _)| name == FORM_FIELD)
            .map(|(_, value)| value.into_owned())
    } else if let Some(boundary) = multipart::boundary(content_type) {
        multipart_token(&body, boundary)?
    } else {
        None
    };
    req.set_payload(actix_web::dev::Payload::from(body));
    Ok(token)
}

pub async fn protect(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // The API takes a key in a header, which a browser never sends by itself; it reads
    // no cookie, so no cookie of ours is set on its answers either.
    if crate::web::api::is_api(req.path()) {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(refuse(req, StatusCode::INTERNAL_SERVER_ERROR, None));
    };
    let https = state.settings.is_https();
    // Tokens are made under the current secret key and checked under each key held, so a
    // page opened before a rotation can still be sent.
    let keyring = state.services.keyring();
    let key = keyring.current();
    let nonce = req
        .cookie(cookie_name(https))
        .map(|cookie| cookie.value().to_owned())
        .filter(|nonce| is_well_formed_nonce(nonce));
    let user_id = req.get_session().get::<i64>(USER_ID_KEY).ok().flatten();

    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    // The OpenID Connect endpoints applications post to carry no form of ours: no token is
    // asked of them, but their bodies are held to the same text rules as every form's.
    let cross_site = crate::web::oauth2::CROSS_SITE_POSTS.contains(&req.path());
    if !safe && cross_site {
        match take_form_token(&mut req).await {
            Ok(_) => {}
            Err(BodyError::TooLarge) => {
                return Ok(refuse(req, StatusCode::PAYLOAD_TOO_LARGE, None));
            }
            Err(BodyError::Unreadable) => return Ok(refuse(req, StatusCode::BAD_REQUEST, None)),
            Err(BodyError::BadText) => {
                return Ok(refuse(req, StatusCode::BAD_REQUEST, Some(BAD_TEXT)));
            }
        }
    }
    if !safe && !cross_site {
        let Some(nonce) = nonce.as_deref() else {
            return Ok(refuse(req, StatusCode::FORBIDDEN, Some(EXPIRED)));
        };
        let from_header = req
            .headers()
            .get(HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let sent = match take_form_token(&mut req).await {
            Ok(token) => token.or(from_header),
            Err(BodyError::TooLarge) => {
                return Ok(refuse(req, StatusCode::PAYLOAD_TOO_LARGE, None));
            }
            Err(BodyError::Unreadable) => return Ok(refuse(req, StatusCode::BAD_REQUEST, None)),
            Err(BodyError::BadText) => {
                return Ok(refuse(req, StatusCode::BAD_REQUEST, Some(BAD_TEXT)));
            }
        };
        let valid = sent.is_some_and(|sent| {
            keyring.keys().fold(false, |valid, (_, key)| {
                let expected = sign(key, nonce, user_id);
                bool::from(sent.as_bytes().ct_eq(expected.as_bytes())) | valid
            })
        });
        if !valid {
            tracing::info!("Refused a request without a valid CSRF token");
            return Ok(refuse(req, StatusCode::FORBIDDEN, Some(EXPIRED)));
        }
    }

    let (nonce, is_new) = match nonce {
        Some(nonce) => (nonce, false),
        None => (random_token(), true),
    };
    req.extensions_mut()
        .insert(CsrfToken(sign(key, &nonce, user_id)));
    let mut res = next.call(req).await?.map_into_boxed_body();
    if is_new {
        let cookie = Cookie::build(cookie_name(https), nonce)
            .path("/")
            .http_only(true)
            .secure(https)
            .same_site(SameSite::Lax)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}

const BAD_TEXT: &str = "error-page-bad-text";

const EXPIRED: &str = "error-page-form-expired";

fn refuse(
    req: ServiceRequest,
    status: StatusCode,
    message: Option<&str>,
) -> ServiceResponse<BoxBody> {
    let (req, _) = req.into_parts();
    ServiceResponse::new(req, error_response(status, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_bind_the_nonce_and_the_user() {
        let key = [7u8; 32];
        let nonce = random_token();
        assert!(is_well_formed_nonce(&nonce));
        assert_eq!(sign(&key, &nonce, None), sign(&key, &nonce, None));
        assert_ne!(sign(&key, &nonce, None), sign(&key, &nonce, Some(1)));
        assert_ne!(sign(&key, &nonce, Some(1)), sign(&key, &nonce, Some(2)));
        assert_ne!(sign(&key, &nonce, None), sign(&key, &random_token(), None));
        assert_ne!(sign(&key, &nonce, None), sign(&[8u8; 32], &nonce, None));
    }

    #[test]
    fn forms_must_decode_to_text_without_nul() {
        assert!(is_clean_form(b"name=Ada+L%C3%B6vel&email=a%40b.c"));
        assert!(!is_clean_form(b"name=%FF%FE"));
        assert!(!is_clean_form(b"name=\xff"));
        assert!(!is_clean_form(b"password=%C3%28"));
        assert!(!is_clean_form(b"name=a%00b"));
    }

    #[test]
    fn the_token_of_a_multipart_form_is_its_text_field() {
        let form = |token: &str, file_field: &str| {
            format!(
                "--b\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"x.csv\"\r\n\r\n\
                 csrf_token\r\n--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\
                 {token}\r\n--b--\r\n"
            )
        };
        assert!(matches!(
            multipart_token(form("t0k", "file").as_bytes(), "b"),
            Ok(Some(token)) if token == "t0k"
        ));
        // A file named like the token is no token.
        let only_file = "--b\r\nContent-Disposition: form-data; name=\"csrf_token\"; filename=\"t\"\r\n\r\nt0k\r\n--b--";
        assert!(matches!(
            multipart_token(only_file.as_bytes(), "b"),
            Ok(None)
        ));
        assert!(matches!(
            multipart_token(form("a\0b", "file").as_bytes(), "b"),
            Err(BodyError::BadText)
        ));
        assert!(matches!(
            multipart_token(b"--b\r\nno headers\r\n--b--", "b"),
            Err(BodyError::Unreadable)
        ));
        assert_eq!(
            body_limit("/admin/users/import"),
            multipart::UPLOAD_MAX_BYTES
        );
        assert_eq!(body_limit("/admin/users/new"), MAX_BODY_BYTES);
    }

    #[test]
    fn malformed_nonces_are_ignored() {
        assert!(!is_well_formed_nonce(""));
        assert!(!is_well_formed_nonce(&"a".repeat(44)));
        assert!(!is_well_formed_nonce(&format!("{}'", "a".repeat(42))));
    }
}
