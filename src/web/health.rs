use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use secrecy::ExposeSecret;
use subtle::ConstantTimeEq;

use super::errors::AppError;
use super::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/healthz").route(web::get().to(healthz)))
        .service(web::resource("/readyz").route(web::get().to(readyz)))
        .service(web::resource("/metrics").route(web::get().to(metrics)));
}

/// Prometheus metrics, for a scraper that presents `TWOSTEP_METRICS_TOKEN` as its bearer
/// token (compared in constant time); to anyone else, and without a token configured, the
/// page does not exist.
async fn metrics(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let Some(token) = &state.settings.metrics_token else {
        return Err(AppError::NotFound);
    };
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !bool::from(presented.as_bytes().ct_eq(token.expose_secret().as_bytes())) {
        return Err(AppError::NotFound);
    }
    metrics_page(state).await
}

/// The metrics in Prometheus' text format.
pub async fn metrics_page(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let text = state
        .services
        .metrics_text()
        .await
        .map_err(|err| AppError::Unexpected(err.into()))?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text))
}

/// Answers while the process runs.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// Answers 200 only while the database answers (within 2 s); otherwise the 503 page.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.services.database_is_ready().await {
        HttpResponse::Ok().body("ready")
    } else {
        super::errors::unavailable_response()
    }
}
