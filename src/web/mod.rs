//! HTTP: middleware, errors, and one module per page area.

pub mod code_form;
pub mod confirmation;
pub mod context;
pub mod errors;
pub mod forms;
pub mod layout;
pub mod middleware;
pub mod request;
pub mod session;
pub mod step;
pub mod trusted;

pub(crate) mod account;
mod admin;
pub mod health;
mod home;
mod invitation;
mod login;
mod password_link;
mod register;
mod rooms;
mod setup;

use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};

use crate::config::Settings;
use crate::services::Services;

/// Shared by every request: the use cases, and what the HTTP layer itself reads.
pub struct AppState {
    pub services: Services,
    pub clock: crate::clock::Clock,
    pub settings: Arc<Settings>,
}

/// The largest request body accepted; longer ones get 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Every area brings its own routes. Every path is a resource, so a wrong method gets 405
/// rather than 404.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/static/style.css").route(web::get().to(stylesheet)))
        .service(web::resource("/static/copy.js").route(web::get().to(copy_script)))
        .service(web::resource("/static/countdown.js").route(web::get().to(countdown_script)))
        .service(web::resource("/static/localtime.js").route(web::get().to(localtime_script)));
    health::routes(cfg);
    login::routes(cfg);
    register::routes(cfg);
    setup::routes(cfg);
    home::routes(cfg);
    account::routes(cfg);
    admin::routes(cfg);
    password_link::routes(cfg);
    rooms::routes(cfg);
    invitation::routes(cfg);
}

/// A file of `static/`, built into the binary.
fn asset(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(ContentType(mime(content_type)))
        .body(body)
}

const JAVASCRIPT: &str = "text/javascript; charset=utf-8";

async fn stylesheet() -> HttpResponse {
    asset(
        "text/css; charset=utf-8",
        include_str!("../../static/style.css"),
    )
}

async fn copy_script() -> HttpResponse {
    asset(JAVASCRIPT, include_str!("../../static/copy.js"))
}

async fn countdown_script() -> HttpResponse {
    asset(JAVASCRIPT, include_str!("../../static/countdown.js"))
}

async fn localtime_script() -> HttpResponse {
    asset(JAVASCRIPT, include_str!("../../static/localtime.js"))
}

fn mime(text: &'static str) -> actix_web::mime::Mime {
    text.parse().expect("a constant MIME type parses")
}

/// Where a request came from, for the audit log and the per-IP limits: the peer address,
/// or, when the peer is one of `TWOSTEP_TRUSTED_PROXIES`, the address that proxy reports.
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
    crate::db::audit::Origin { ip, user_agent }
}

/// A 303 redirect: after a POST the browser GETs the target.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location))
        .finish()
}

/// Renders a page with a status.
pub fn render(
    status: actix_web::http::StatusCode,
    page: &impl askama::Template,
) -> Result<HttpResponse, errors::AppError> {
    Ok(HttpResponse::build(status)
        .insert_header(ContentType::html())
        .body(page.render()?))
}
