//! Twostep as an OpenID Connect provider: discovery, the authorization endpoint (which signs
//! the browser in with the portal's own pages), token, userinfo, the key set and
//! RP-initiated logout (PRODUCT.md, "Applications: signing in to other applications").

mod authorize;
mod logout;
mod tokens;

use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use serde_json::json;

use super::errors::AppError;
use super::middleware::language::RequestLanguage;
use super::request::Visitor;
use crate::domain::language::Language;
use crate::domain::oidc::{ACR_PASSWORD, ACR_TWO_STEP, origin_of};

pub use authorize::waiting_origins;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/.well-known/openid-configuration").route(web::get().to(discovery)))
        .service(
            web::resource("/oauth2/authorize")
                .route(web::get().to(authorize::authorize_get))
                .route(web::post().to(authorize::authorize_post)),
        )
        .service(
            web::resource("/oauth2/continue")
                .route(web::get().to(authorize::continue_authorization)),
        )
        .service(
            web::resource("/oauth2/token")
                .route(web::post().to(tokens::token))
                .route(preflight_route()),
        )
        .service(
            web::resource("/oauth2/userinfo")
                .route(web::get().to(tokens::userinfo))
                .route(web::post().to(tokens::userinfo))
                .route(preflight_route()),
        )
        .service(
            web::resource("/oauth2/jwks")
                .route(web::get().to(jwks))
                .route(preflight_route()),
        )
        .service(
            web::resource("/oauth2/logout")
                .route(web::get().to(logout::logout_get))
                .route(web::post().to(logout::logout_post)),
        )
        .service(web::resource("/oauth2/logout/confirm").route(web::post().to(logout::confirm)))
        .service(web::resource("/oauth2/step-up").route(web::post().to(authorize::step_up)));
}

/// The language of the request, for the words of a page a browser is shown.
fn language(req: &HttpRequest) -> Language {
    req.extensions()
        .get::<RequestLanguage>()
        .map_or_else(Language::default, |language| language.0)
}

/// CORS preflights (OPTIONS), for the endpoints a public client calls from a browser.
fn preflight_route() -> actix_web::Route {
    web::method(Method::OPTIONS).to(preflight)
}

/// Paths an application (or another site) posts to without the portal's CSRF token: the
/// back channel (token, userinfo) and the two front-channel requests OpenID Connect lets an
/// application send as a POST. None of them changes anything on the strength of the
/// session cookie alone (which `SameSite=Lax` keeps off cross-site POSTs anyway).
pub const CROSS_SITE_POSTS: [&str; 4] = [
    "/oauth2/token",
    "/oauth2/userinfo",
    "/oauth2/authorize",
    "/oauth2/logout",
];

/// JSON an application reads, never cached.
fn json_no_store(status: actix_web::http::StatusCode, body: &serde_json::Value) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::PRAGMA, "no-cache"))
        .content_type("application/json")
        .body(body.to_string())
}

/// The origin of a browser request, when a public client's redirect URIs hold it: such an
/// application (a single-page app) may call token, userinfo and jwks from the browser.
async fn allowed_origin(
    visitor: &Visitor,
    req: &HttpRequest,
) -> Result<Option<HeaderValue>, AppError> {
    let Some(origin) = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
    else {
        return Ok(None);
    };
    let applications = visitor.services().list_applications().await?;
    let allowed = applications.iter().filter(|a| a.is_public()).any(|a| {
        a.redirect_uris()
            .iter()
            .any(|uri| origin_of(uri).as_deref() == Some(origin))
    });
    Ok(allowed
        .then(|| HeaderValue::from_str(origin).ok())
        .flatten())
}

/// Adds the CORS headers for an allowed origin.
async fn with_cors(
    visitor: &Visitor,
    req: &HttpRequest,
    mut response: HttpResponse,
) -> Result<HttpResponse, AppError> {
    if let Some(origin) = allowed_origin(visitor, req).await? {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    Ok(response)
}

/// A CORS preflight: allowed for a public client's origin, else answered without the
/// headers (the browser then refuses the call).
async fn preflight(visitor: Visitor, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let mut response = HttpResponse::NoContent().finish();
    if let Some(origin) = allowed_origin(&visitor, &req).await? {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("Authorization, Content-Type"),
        );
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    Ok(response)
}

/// `/.well-known/openid-configuration`.
async fn discovery(visitor: Visitor) -> HttpResponse {
    let issuer = visitor.services().issuer();
    let body = json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/oauth2/authorize"),
        "token_endpoint": format!("{issuer}/oauth2/token"),
        "userinfo_endpoint": format!("{issuer}/oauth2/userinfo"),
        "jwks_uri": format!("{issuer}/oauth2/jwks"),
        "end_session_endpoint": format!("{issuer}/oauth2/logout"),
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile", "phone"],
        "claims_supported": ["iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr", "acr", "email", "email_verified", "name", "phone_number", "phone_number_verified"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "code_challenge_methods_supported": ["S256"],
        "acr_values_supported": [ACR_TWO_STEP, ACR_PASSWORD],
        "prompt_values_supported": ["none", "login", "consent", "select_account"],
        "claims_parameter_supported": false,
        "request_parameter_supported": false,
        "request_uri_parameter_supported": false,
        "authorization_response_iss_parameter_supported": true,
    });
    HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .content_type("application/json")
        .body(body.to_string())
}

/// `/oauth2/jwks`: the published signing keys.
async fn jwks(visitor: Visitor, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let keys = visitor
        .services()
        .published_keys()
        .await
        .map_err(|e| AppError::Unexpected(e.into()))?;
    let keys: Vec<_> = keys
        .into_iter()
        .map(|k| json!({"kty": "RSA", "use": "sig", "alg": "RS256", "kid": k.kid, "n": k.n, "e": k.e}))
        .collect();
    let response = json_no_store(actix_web::http::StatusCode::OK, &json!({ "keys": keys }));
    with_cors(&visitor, &req, response).await
}
