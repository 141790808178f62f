//! What a request carries once the middleware has run: who is signed in, the CSRF token
//! for its forms, the app name of the moment. A leaf module: pages, error pages and
//! middleware all read it, and it reads none of them.

use actix_web::{HttpMessage, HttpRequest};

use crate::db::users::User;

/// The signed-in user, put in the request by `load_user`.
#[derive(Clone, Debug)]
pub struct CurrentUser(pub User);

/// The signed-in user has at least one passkey (read with `CurrentUser`).
#[derive(Clone, Copy, Debug)]
pub struct HasPasskey(pub bool);

/// The signed-in user administers at least one data room (read with `CurrentUser`).
#[derive(Clone, Copy, Debug)]
pub struct AdministersRooms(pub bool);

/// The CSRF token the page's forms carry.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

/// "Let people create their own accounts", as read for this request.
#[derive(Clone, Copy, Debug)]
pub struct OpenRegistration(pub bool);

/// The platform's "Allow registration and sign-in with a phone number", for the pages
/// that link to those journeys.
#[derive(Clone, Copy)]
pub struct PhoneSignInOn(pub bool);

/// The country whose national format phone numbers may be typed in, as read for this
/// request (`PlatformSettings::phone_country`).
#[derive(Clone, Debug)]
pub struct PhoneCountry(pub Option<String>);

/// The app name from the platform settings, as read for this request.
#[derive(Clone, Debug)]
pub struct AppName(pub String);

/// The app name for a page of this request: the platform's, or the start-up default when
/// the settings could not be read (an outage's error page).
pub fn app_name(req: &HttpRequest) -> String {
    if let Some(AppName(name)) = req.extensions().get::<AppName>() {
        return name.clone();
    }
    req.app_data::<actix_web::web::Data<super::state::AppState>>()
        .map_or_else(|| "Twostep".into(), |state| state.settings.app_name.clone())
}
