use actix_web::{HttpResponse, web};

use super::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/healthz").route(web::get().to(healthz)))
        .service(web::resource("/readyz").route(web::get().to(readyz)));
}

/// Answers while the process runs.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// Answers 200 only while the database answers.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.services.database_is_ready().await {
        HttpResponse::Ok().body("ready")
    } else {
        HttpResponse::ServiceUnavailable().body("database unavailable")
    }
}
