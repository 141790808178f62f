//! The control center (`/admin`): for administrators only, and for those who must use
//! 2-step verification, only once they have (PRODUCT.md, "Pages and the names people see").

mod api_keys;
mod applications;
mod audit;
mod bulk;
mod groups;
mod import;
mod overview;
mod rooms;
mod settings;
mod temporary_code;
mod users;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::{Next, from_fn};
use actix_web::{HttpMessage, HttpResponse, web};

use crate::db::users::User;
use crate::domain::factors::FactorMethod;
use crate::services::admin::Refusal;
use crate::web::context::CurrentUser;
use crate::web::errors::{AppError, error_response};
use crate::web::middleware::auth::{SET_UP_PAGE, refuse};
use crate::web::middleware::recent_password::require_recent_password;
use crate::web::state::AppState;

fn redirect(req: ServiceRequest, to: &str) -> ServiceResponse<BoxBody> {
    let (req, _) = req.into_parts();
    let res = HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, to))
        .finish();
    ServiceResponse::new(req, res)
}

/// For a platform administrator without 2-step verification when it is required of them,
/// or without a passkey when passkeys are required of them (and no grace period lasts):
/// the way to set-up (or the error page, when the policy cannot be read).
async fn owed_set_up(
    req: ServiceRequest,
    user: &User,
) -> Result<ServiceResponse<BoxBody>, ServiceRequest> {
    let has_passkey = req
        .extensions()
        .get::<crate::web::context::HasPasskey>()
        .is_some_and(|h| h.0);
    if user.has_two_step() && has_passkey {
        return Err(req);
    }
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Err(req);
    };
    let now = state.clock.now();
    match state.services.set_up_owed(user).await {
        Ok(Some(owed)) if !user.has_two_step() || owed.grace_days_left(now).is_none() => {
            Ok(redirect(req, SET_UP_PAGE))
        }
        Ok(_) => Err(req),
        Err(err) => Ok(refuse(req, &AppError::from(err))),
    }
}

/// Lets through a signed-in administrator who has 2-step verification on when it is
/// required of them (their session then passed its code step, or a browser they trusted
/// did). Anyone else: the sign-in page, a 403, or set-up.
async fn require_admin(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
    let Some(user) = user else {
        return Ok(redirect(req, "/login"));
    };
    if !user.is_admin() {
        let (req, _) = req.into_parts();
        let page = error_response(StatusCode::FORBIDDEN, Some("admin-only"));
        return Ok(ServiceResponse::new(req, page));
    }
    let req = match owed_set_up(req, &user).await {
        Ok(answer) => return Ok(answer),
        Err(req) => req,
    };
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// The data rooms' pages: platform administrators (as above) and room administrators,
/// whose rooms each handler checks.
async fn require_admin_or_room_admin(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let user = req.extensions().get::<CurrentUser>().map(|c| c.0.clone());
    let req = match user {
        Some(user) if user.is_admin() => match owed_set_up(req, &user).await {
            Ok(answer) => return Ok(answer),
            Err(req) => req,
        },
        _ => req,
    };
    Ok(next.call(req).await?.map_into_boxed_body())
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    // First: room administrators get in there without being platform administrators.
    rooms::routes(cfg);
    cfg.service(
        web::scope("/admin")
            .wrap(from_fn(require_admin))
            .service(web::resource("").route(web::get().to(overview::overview)))
            .service(
                web::resource("/security")
                    .route(web::get().to(settings::settings_page))
                    .route(web::post().to(settings::save_settings)),
            )
            .configure(import::routes)
            .configure(bulk::routes)
            .configure(users::routes)
            .configure(groups::routes)
            .configure(applications::routes)
            .configure(api_keys::routes)
            .configure(audit::routes),
    );
}

/// The password asked again for an address that has no page of its own (a download, the
/// bulk actions' question and their work): afterwards, back to the list it was asked from.
async fn recent_password_no_page(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    require_recent_password(
        req,
        next,
        &[
            ("/admin/users.csv", "/admin/users"),
            ("/admin/audit.csv", "/admin/audit"),
            ("/admin/users/bulk", "/admin/users"),
            ("/admin/users/bulk/apply", "/admin/users"),
        ],
    )
    .await
}

/// A refused change, said on the error page in the page's language, or a 404.
fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::NotFound => AppError::NotFound,
        Refusal::Phone(problem) => AppError::Invalid(problem.message_id()),
        Refusal::LastAdmin => AppError::Conflict("admin-refused-last-admin"),
        Refusal::Yourself => AppError::Conflict("admin-refused-yourself"),
        Refusal::PhoneInUse => AppError::Conflict("admin-refused-phone-in-use"),
        Refusal::NameTaken => AppError::Conflict("admin-refused-name-taken"),
        Refusal::NoSuchEmail => AppError::Invalid("admin-refused-no-such-email"),
        Refusal::EmailTaken => AppError::Conflict("admin-refused-email-taken"),
        Refusal::RoomAdminExempt => AppError::Conflict("admin-refused-room-admin"),
    }
}

/// A user's 2-step verification method as the control center names it: a message id.
fn method_label(method: Option<FactorMethod>) -> &'static str {
    match method {
        None => "admin-off",
        Some(FactorMethod::Sms) => "admin-method-sms",
        Some(FactorMethod::Authenticator) => "admin-method-app",
        Some(FactorMethod::Passkey) => "admin-method-passkey",
    }
}

/// The control center's sections, for its navigation.
pub struct Section {
    pub href: &'static str,
    /// The message id of its name.
    pub label: &'static str,
    pub current: bool,
}

pub fn sections(current: &str) -> Vec<Section> {
    [
        ("/admin", "admin-nav-overview"),
        ("/admin/security", "admin-nav-security"),
        ("/admin/users", "admin-users"),
        ("/admin/groups", "admin-groups"),
        ("/admin/rooms", "admin-nav-rooms"),
        ("/admin/applications", "admin-nav-applications"),
        ("/admin/api-keys", "keys-nav"),
        ("/admin/audit", "admin-nav-audit"),
    ]
    .into_iter()
    .map(|(href, label)| Section {
        href,
        label,
        current: href == current,
    })
    .collect()
}
