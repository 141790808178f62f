//! Who calls the API: `Authorization: Bearer <key>`, checked by the keys' use case (which
//! also counts the request against the key's limit), then the scope each route needs.
//! A session cookie opens nothing here: it is never read.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

use super::problem::ApiError;
use crate::db::audit::Origin;
use crate::domain::api_keys::Scope;
use crate::services::Services;
use crate::services::admin::Actor;
use crate::services::api_keys::{ApiCaller, KeyProblem};
use crate::web::request::origin_of;
use crate::web::state::AppState;

/// A request made with a key that opens the API.
pub struct Caller {
    state: web::Data<AppState>,
    pub key: ApiCaller,
    pub origin: Origin,
}

impl Caller {
    pub fn services(&self) -> &Services {
        &self.state.services
    }

    /// The key, as the actor of what it changes.
    pub fn actor(&self) -> Actor<'_> {
        Actor::ApiKey(&self.key)
    }

    /// Refuses a key without `scope` (a write scope includes reading the same things).
    pub fn needs(&self, scope: Scope) -> Result<(), ApiError> {
        if self.key.scopes.allows(scope) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(scope_message(scope)))
        }
    }

    /// Reading groups: `users:read` or `groups:write`.
    pub fn needs_to_read_groups(&self) -> Result<(), ApiError> {
        if self.key.scopes.allows_read_groups() {
            Ok(())
        } else {
            Err(ApiError::Forbidden("api-scope-users-read"))
        }
    }
}

/// "This key may not …", naming the scope the request needs.
fn scope_message(scope: Scope) -> &'static str {
    match scope {
        Scope::UsersRead => "api-scope-users-read",
        Scope::UsersWrite => "api-scope-users-write",
        Scope::GroupsWrite => "api-scope-groups-write",
        Scope::RoomsWrite => "api-scope-rooms-write",
        Scope::AuditRead => "api-scope-audit-read",
    }
}

/// The key in `Authorization: Bearer <key>`, the scheme's case aside.
fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, key) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let presented = bearer(req).map(str::to_owned);
        let has_header = req.headers().contains_key(header::AUTHORIZATION);
        let origin = origin_of(req);
        Box::pin(async move {
            let Some(state) = state else {
                return Err(ApiError::Unexpected(anyhow::anyhow!(
                    "the application state is missing"
                )));
            };
            let Some(presented) = presented else {
                return Err(ApiError::Unauthorized(if has_header {
                    "api-key-unknown"
                } else {
                    "api-key-missing"
                }));
            };
            match state.services.authenticate_api_key(&presented).await? {
                Ok(key) => Ok(Self { state, key, origin }),
                Err(KeyProblem::Unknown) => Err(ApiError::Unauthorized("api-key-unknown")),
                Err(KeyProblem::Expired) => Err(ApiError::Unauthorized("api-key-expired")),
                Err(KeyProblem::Revoked) => Err(ApiError::Unauthorized("api-key-revoked")),
                Err(KeyProblem::RateLimited { retry_after_secs }) => {
                    Err(ApiError::TooMany { retry_after_secs })
                }
            }
        })
    }
}
