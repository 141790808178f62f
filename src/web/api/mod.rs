//! The administration API (`/api/v1/`): JSON for scripts and provisioning, with
//! `Authorization: Bearer <key>` (keys from `/admin/api-keys` or `twostep api-key create`).
//! Every change goes through the control center's use cases and transactions, audited
//! with the key's name as the actor. Nothing here reads the session cookie or needs a
//! CSRF token: a key in a header is not sent by a browser on its own. Errors are
//! problem+json (`problem`). The OpenAPI 3.1 description is generated from the handlers
//! and their types (utoipa), from the same list that registers the routes, and served at
//! `GET /api/v1/openapi.json` without a key.

mod audit;
mod auth;
mod groups;
pub mod problem;
mod rooms;
mod users;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, ResponseError, get, web};

use problem::ApiError;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// Every API path starts so.
pub const PREFIX: &str = "/api/";

pub fn is_api(path: &str) -> bool {
    path.starts_with(PREFIX)
}

/// Registers each handler and lists it in the OpenAPI description: one list for both, so
/// no route is missing from the description and no path in it is missing from the
/// routes.
macro_rules! api {
    ($($handler:path),* $(,)?) => {
        #[derive(OpenApi)]
        #[openapi(
            info(
                title = "Twostep administration API",
                description = "Users, groups, data rooms and the audit log of a Twostep portal, for scripts. Authenticate with `Authorization: Bearer <key>`; errors are application/problem+json (RFC 9457).",
            ),
            paths($($handler),*),
            modifiers(&BearerKey),
            tags(
                (name = "users", description = "Accounts"),
                (name = "groups", description = "Groups and what they ask of their members"),
                (name = "rooms", description = "Data rooms: their members' phone numbers"),
                (name = "audit", description = "The audit log"),
            ),
        )]
        pub struct ApiDoc;

        pub fn routes(cfg: &mut web::ServiceConfig) {
            cfg.service(openapi_json)
                $(.service($handler))*
                .service(web::resource("/api/{tail:.*}").to(not_routed));
        }
    };
}

api!(
    users::list_users,
    users::create_user,
    users::get_user,
    users::change_user,
    users::reset_two_step,
    users::temporary_access_code,
    groups::list_groups,
    groups::create_group,
    groups::change_group,
    groups::add_member,
    groups::remove_member,
    rooms::set_phone,
    rooms::remove_phone,
    audit::list_events,
);

/// A request no route took: 405 with the methods the path takes when the description has
/// the path, else 404 (each handler is a resource of its own, so actix alone would answer
/// 404 for a known path asked with another method).
async fn not_routed(req: HttpRequest) -> HttpResponse {
    let doc = ApiDoc::openapi();
    let methods: Vec<String> = doc
        .paths
        .paths
        .iter()
        .filter(|(template, _)| matches_template(template, req.path()))
        .flat_map(|(_, item)| {
            serde_json::to_value(item)
                .ok()
                .and_then(|item| {
                    item.as_object()
                        .map(|o| o.keys().cloned().collect::<Vec<_>>())
                })
                .unwrap_or_default()
        })
        .filter(|key| ["get", "post", "put", "patch", "delete"].contains(&key.as_str()))
        .map(|method| method.to_uppercase())
        .collect();
    if methods.is_empty() {
        return ApiError::NotFound.error_response();
    }
    let mut response = ApiError::MethodNotAllowed.error_response();
    if let Ok(allow) = HeaderValue::from_str(&methods.join(", ")) {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response
}

/// Whether `path` is an instance of `template` ("/api/v1/users/{id}").
fn matches_template(template: &str, path: &str) -> bool {
    let (template, path): (Vec<_>, Vec<_>) =
        (template.split('/').collect(), path.split('/').collect());
    template.len() == path.len()
        && template
            .iter()
            .zip(&path)
            .all(|(t, p)| (t.starts_with('{') && !p.is_empty()) || t == p)
}

/// The bearer key as the description's security scheme.
struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The OpenAPI 3.1 description of the API; no key needed.
#[get("/api/v1/openapi.json")]
async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
