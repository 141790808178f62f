use actix_web::{HttpResponse, web};

use super::AppState;

/// Answers while the process runs.
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

/// Answers 200 only while the database answers.
pub async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    if state.db.is_ready().await {
        HttpResponse::Ok().body("ready")
    } else {
        HttpResponse::ServiceUnavailable().body("database unavailable")
    }
}
