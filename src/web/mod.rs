//! HTTP: middleware, errors, and one module per page area.

pub mod code_form;
pub mod errors;
pub mod format;
pub mod forms;
pub mod layout;
pub mod middleware;
pub mod notify;
pub mod session;
pub mod trusted;

mod account;
mod health;
mod home;
mod login;
mod register;
mod setup;

use std::sync::Arc;

use actix_web::http::header::ContentType;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, web};

use account::confirm::require_recent_password;

use crate::config::Settings;
use crate::db::Db;
use crate::domain::password::Passwords;

/// Shared by every request.
pub struct AppState {
    pub db: Db,
    pub clock: crate::clock::Clock,
    pub settings: Arc<Settings>,
    pub passwords: Passwords,
    pub sms: crate::verification::SmsVerification,
    pub factors: crate::second_factors::SecondFactors,
    pub platform: crate::platform::PlatformCache,
}

/// The largest request body accepted; longer ones get 413.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Every path is a resource, so a wrong method gets 405 rather than 404.
    cfg.service(web::resource("/healthz").route(web::get().to(health::healthz)))
        .service(web::resource("/readyz").route(web::get().to(health::readyz)))
        .service(web::resource("/static/style.css").route(web::get().to(stylesheet)))
        .service(web::resource("/static/copy.js").route(web::get().to(copy_script)))
        .service(
            web::resource("/login")
                .route(web::get().to(login::login_form))
                .route(web::post().to(login::login)),
        )
        .service(
            web::resource("/login/verify")
                .route(web::get().to(login::verify::verify_form))
                .route(web::post().to(login::verify::verify_code)),
        )
        .service(
            web::resource("/login/verify/resend").route(web::post().to(login::verify::resend_code)),
        )
        .service(
            web::resource("/login/recovery")
                .route(web::get().to(login::verify::recovery_form))
                .route(web::post().to(login::verify::use_recovery_code)),
        )
        .service(web::resource("/logout").route(web::post().to(login::logout)))
        .service(
            web::resource("/register")
                .route(web::get().to(register::register_form))
                .route(web::post().to(register::register)),
        )
        .service(
            web::resource("/setup")
                .route(web::get().to(setup::setup_form))
                .route(web::post().to(setup::create_admin)),
        )
        .service(
            web::resource("/")
                .wrap(actix_web::middleware::from_fn(
                    middleware::auth::require_sign_in,
                ))
                .route(web::get().to(home::home)),
        )
        .service(
            web::scope("/account")
                .wrap(actix_web::middleware::from_fn(
                    middleware::auth::require_sign_in,
                ))
                .service(
                    web::resource("/confirm")
                        .route(web::get().to(account::confirm::confirm_form))
                        .route(web::post().to(account::confirm::confirm)),
                )
                .service(
                    web::resource("/security")
                        .route(web::get().to(account::security::security_page)),
                )
                .service(
                    web::resource("/security/session-duration")
                        .route(web::post().to(account::devices::choose_duration)),
                )
                .service(
                    web::resource("/security/devices/remove-all")
                        .route(web::post().to(account::devices::remove_every_device)),
                )
                .service(
                    web::resource("/security/devices/{id}/remove")
                        .route(web::post().to(account::devices::remove_one_device)),
                )
                .service(
                    web::resource("/security/sessions/end-others")
                        .route(web::post().to(account::devices::end_other_sessions)),
                )
                .service(
                    web::resource("/security/sessions/{public_id}/end")
                        .route(web::post().to(account::devices::end_one_session)),
                )
                .service(
                    web::resource("/security/two-step")
                        .route(web::get().to(account::security::methods_page)),
                )
                .service(
                    web::resource("/security/two-step/off")
                        .wrap(from_fn(|req, next| {
                            require_recent_password(req, next, "/account/security")
                        }))
                        .route(web::post().to(account::security::turn_off)),
                )
                .service(
                    web::scope("/security/app")
                        .wrap(from_fn(|req, next| {
                            require_recent_password(req, next, account::app::APP_PAGE)
                        }))
                        .service(
                            web::resource("")
                                .route(web::get().to(account::app::setup_page))
                                .route(web::post().to(account::app::confirm_app)),
                        ),
                )
                .service(
                    web::scope("/security/recovery-codes")
                        .wrap(from_fn(|req, next| {
                            require_recent_password(req, next, "/account/security")
                        }))
                        .service(
                            web::resource("").route(web::post().to(account::recovery::regenerate)),
                        )
                        .service(
                            web::resource("/new")
                                .route(web::get().to(account::recovery::show_codes)),
                        )
                        .service(
                            web::resource("/download")
                                .route(web::get().to(account::recovery::download_codes)),
                        )
                        .service(
                            web::resource("/done")
                                .route(web::post().to(account::recovery::codes_saved)),
                        ),
                )
                .service(
                    web::scope("/security/sms")
                        .wrap(from_fn(|req, next| {
                            require_recent_password(req, next, account::security::PHONE_PAGE)
                        }))
                        .service(
                            web::resource("")
                                .route(web::get().to(account::security::phone_form))
                                .route(web::post().to(account::security::send_phone_code)),
                        )
                        .service(
                            web::resource("/verify")
                                .route(web::get().to(account::security::phone_code_form))
                                .route(web::post().to(account::security::verify_phone_code)),
                        )
                        .service(
                            web::resource("/resend")
                                .route(web::post().to(account::security::resend_phone_code)),
                        )
                        .service(
                            web::resource("/use-saved")
                                .route(web::post().to(account::security::use_saved_phone)),
                        ),
                )
                .service(
                    web::resource("/password")
                        .route(web::get().to(account::password_form))
                        .route(web::post().to(account::change_password)),
                ),
        );
}

async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(ContentType(mime("text/css; charset=utf-8")))
        .body(include_str!("../../static/style.css"))
}

async fn copy_script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(ContentType(mime("text/javascript; charset=utf-8")))
        .body(include_str!("../../static/copy.js"))
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
