//! The back channel: the token endpoint (a code for an ID token and an access token) and
//! userinfo. Both answer JSON, never cached; errors as RFC 6749 §5.2 and RFC 6750 §3 say.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;

use super::{json_no_store, with_cors};
use crate::services::oidc::{ClientAuth, TokenError, TokenExchangeError};
use crate::web::errors::AppError;
use crate::web::request::Visitor;

/// An OAuth error answer.
fn oauth_error(status: StatusCode, error: &'static str, description: &str) -> HttpResponse {
    json_no_store(
        status,
        &json!({ "error": error, "error_description": description }),
    )
}

/// The form's fields, each at most once (a repeated parameter is refused).
fn fields(body: &[u8]) -> Result<std::collections::HashMap<String, String>, &'static str> {
    let mut fields = std::collections::HashMap::new();
    for (name, value) in url::form_urlencoded::parse(body) {
        if fields
            .insert(name.into_owned(), value.into_owned())
            .is_some()
        {
            return Err("a parameter is repeated");
        }
    }
    Ok(fields)
}

/// `client_secret_basic`: the id and secret, each form-urlencoded (RFC 6749 §2.3.1).
fn basic_credentials(req: &HttpRequest) -> Option<Result<(String, String), ()>> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok());
    Some(
        decoded
            .and_then(|text| {
                let (id, secret) = text.split_once(':')?;
                let decode = |s: &str| {
                    percent_encoding::percent_decode_str(&s.replace('+', " "))
                        .decode_utf8()
                        .ok()
                        .map(|c| c.into_owned())
                };
                Some((decode(id)?, decode(secret)?))
            })
            .ok_or(()),
    )
}

#[tracing::instrument(name = "An application exchanges a code", skip_all)]
pub async fn token(
    visitor: Visitor,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let response = exchange(&visitor, &req, &body).await?;
    with_cors(&visitor, &req, response).await
}

async fn exchange(
    visitor: &Visitor,
    req: &HttpRequest,
    body: &[u8],
) -> Result<HttpResponse, AppError> {
    let metrics = visitor.services().metrics();
    let invalid_request = |description: &str| {
        metrics.token_request("invalid_request");
        Ok(oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            description,
        ))
    };
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return invalid_request("the body must be application/x-www-form-urlencoded");
    }
    let fields = match fields(body) {
        Ok(fields) => fields,
        Err(why) => return invalid_request(why),
    };
    let get = |name: &str| {
        fields
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let basic = basic_credentials(req);
    let auth = match (&basic, get("client_secret")) {
        (Some(_), Some(_)) => return invalid_request("use one way of client authentication"),
        (Some(Err(())), _) => {
            metrics.token_request("invalid_client");
            return Ok(invalid_client(true));
        }
        (Some(Ok((id, secret))), None) => {
            if get("client_id").is_some_and(|other| other != id) {
                return invalid_request("client_id differs from the authenticated client");
            }
            ClientAuth::Secret {
                client_id: id,
                secret,
            }
        }
        (None, Some(secret)) => match get("client_id") {
            Some(client_id) => ClientAuth::Secret { client_id, secret },
            None => return invalid_request("client_id is missing"),
        },
        (None, None) => match get("client_id") {
            Some(client_id) => ClientAuth::None { client_id },
            None => {
                metrics.token_request("invalid_client");
                return Ok(invalid_client(false));
            }
        },
    };
    let application = match visitor.services().authenticate_client(&auth).await? {
        Ok(application) => application,
        Err(_) => {
            metrics.token_request("invalid_client");
            return Ok(invalid_client(basic.is_some()));
        }
    };
    match get("grant_type") {
        Some("authorization_code") => {}
        Some(_) => {
            metrics.token_request("unsupported_grant_type");
            return Ok(oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only authorization_code is supported",
            ));
        }
        None => return invalid_request("grant_type is missing"),
    }
    let (Some(code), Some(redirect_uri)) = (get("code"), get("redirect_uri")) else {
        return invalid_request("code and redirect_uri are required");
    };
    match visitor
        .services()
        .exchange_code(&application, code, redirect_uri, get("code_verifier"))
        .await
    {
        Ok(Ok(tokens)) => {
            metrics.token_request("issued");
            Ok(json_no_store(StatusCode::OK, &json!(tokens)))
        }
        Ok(Err(TokenError::InvalidGrant(why))) => {
            metrics.token_request("invalid_grant");
            Ok(oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", why))
        }
        Ok(Err(TokenError::InvalidClient)) => {
            metrics.token_request("invalid_client");
            Ok(invalid_client(basic.is_some()))
        }
        Err(TokenExchangeError::Db(err)) => Err(err.into()),
        Err(TokenExchangeError::Key(err)) => Err(AppError::Unexpected(err.into())),
    }
}

/// 401 `invalid_client`; with the Basic challenge when the client tried Basic.
fn invalid_client(basic: bool) -> HttpResponse {
    let mut response = oauth_error(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "client authentication failed",
    );
    if basic {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"twostep\""),
        );
    }
    response
}

/// The bearer token of a userinfo request: the header, or a form field of a POST.
fn bearer(req: &HttpRequest, body: &[u8]) -> Option<String> {
    if let Some(value) = req.headers().get(header::AUTHORIZATION) {
        let value = value.to_str().ok()?;
        let (scheme, token) = value.split_once(' ')?;
        return scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| token.trim().to_owned());
    }
    fields(body).ok()?.remove("access_token")
}

#[tracing::instrument(name = "An application reads who signed in", skip_all)]
pub async fn userinfo(
    visitor: Visitor,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    let info = match bearer(&req, &body) {
        Some(token) => visitor.services().user_info(&token).await?,
        None => None,
    };
    let response = match info {
        Some(info) => json_no_store(StatusCode::OK, &json!(info)),
        None => {
            let mut response = oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_token",
                "the access token is missing, unknown or expired",
            );
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(
                    "Bearer error=\"invalid_token\", error_description=\"the access token is missing, unknown or expired\"",
                ),
            );
            response
        }
    };
    with_cors(&visitor, &req, response).await
}
