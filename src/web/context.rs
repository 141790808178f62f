//! What a request carries once the middleware has run: who is signed in, the CSRF token
//! for its forms, the app name of the moment. A leaf module: pages, error pages and
//! middleware all read it, and it reads none of them.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use crate::db::users::User;

/// The signed-in user; handlers behind `require_sign_in` take it as an extractor.
#[derive(Clone, Debug)]
pub struct CurrentUser(pub User);

/// The CSRF token the page's forms carry.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// The app name from the platform settings, as read for this request.
#[derive(Clone, Debug)]
pub struct AppName(pub String);

/// The app name for a page of this request: the platform's, or the start-up default when
/// the settings could not be read (an outage's error page).
pub fn app_name(req: &HttpRequest) -> String {
    if let Some(AppName(name)) = req.extensions().get::<AppName>() {
        return name.clone();
    }
    req.app_data::<actix_web::web::Data<super::AppState>>()
        .map_or_else(|| "Twostep".into(), |state| state.settings.app_name.clone())
}

impl FromRequest for CurrentUser {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    /// A signed-in page served without `require_sign_in` is a bug: the opaque 500 page.
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = req.extensions().get::<CurrentUser>().cloned();
        ready(user.ok_or_else(|| {
            tracing::error!("a signed-in page was served without require_sign_in");
            actix_web::error::ErrorInternalServerError("not signed in")
        }))
    }
}
