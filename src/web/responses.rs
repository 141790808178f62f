//! The answers every page area gives alike.

use actix_web::HttpResponse;
use actix_web::http::header::ContentType;

use super::errors::AppError;

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
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(status)
        .insert_header(ContentType::html())
        .body(page.render()?))
}
