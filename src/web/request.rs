//! Extractors that bundle what a handler takes from every request: the application state
//! and where the request came from, and for signed-in pages the user.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};

use super::context::CurrentUser;
use super::{AppState, origin_of};
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
