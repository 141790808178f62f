//! Extractors that bundle what a handler takes from every request: the application state
//! and where the request came from, and for signed-in pages the user.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::context::CurrentUser;
use super::middleware::language::RequestLanguage;
use super::state::AppState;
use crate::db::audit::Origin;
use crate::db::users::User;
use crate::services::Services;

/// Any request: the state and its origin.
pub struct Visitor {
    pub state: web::Data<AppState>,
    pub origin: Origin,
}

/// A request of the signed-in user (behind `require_sign_in`).
pub struct SignedIn {
    pub state: web::Data<AppState>,
    pub user: User,
    pub origin: Origin,
}

impl Visitor {
    pub fn services(&self) -> &Services {
        &self.state.services
    }
}

impl SignedIn {
    pub fn services(&self) -> &Services {
        &self.state.services
    }
}

fn state(req: &HttpRequest) -> Result<web::Data<AppState>, actix_web::Error> {
    req.app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| {
            tracing::error!("the application state is missing");
            actix_web::error::ErrorInternalServerError("no state")
        })
}

impl FromRequest for Visitor {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(state(req).map(|state| Self {
            state,
            origin: origin_of(req),
        }))
    }
}

impl FromRequest for SignedIn {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    /// A signed-in page served without `require_sign_in` is a bug: the opaque 500 page.
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
        ready(match (state(req), user) {
            (Ok(state), Some(user)) => Ok(Self {
                state,
                user,
                origin: origin_of(req),
            }),
            (Err(err), _) => Err(err),
            (_, None) => {
                tracing::error!("a signed-in page was served without require_sign_in");
                Err(actix_web::error::ErrorInternalServerError("not signed in"))
            }
        })
    }
}

/// Where a request came from, for the audit log and the per-IP limits: the peer address,
/// or, when the peer is one of `TWOSTEP_TRUSTED_PROXIES`, the address that proxy reports;
/// and the language it is answered in.
pub fn origin_of(req: &actix_web::HttpRequest) -> crate::db::audit::Origin {
    let user_agent = req
        .headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(|ua| ua.chars().take(512).collect());
    let trusted = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.settings.trusted_proxies.as_slice())
        .unwrap_or_default();
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let ip = req.peer_addr().map(|peer| {
        crate::domain::client_ip::client_ip(peer.ip(), &forwarded, trusted).to_string()
    });
    let language = req
        .extensions()
        .get::<RequestLanguage>()
        .map(|chosen| chosen.0);
    crate::db::audit::Origin {
        ip,
        user_agent,
        language,
    }
}
