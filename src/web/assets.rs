//! The files of `static/`, built into the binary.

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/static/style.css").route(web::get().to(stylesheet)))
        .service(web::resource("/static/copy.js").route(web::get().to(copy_script)))
        .service(web::resource("/static/countdown.js").route(web::get().to(countdown_script)))
        .service(web::resource("/static/localtime.js").route(web::get().to(localtime_script)))
        .service(web::resource("/static/reveal.js").route(web::get().to(reveal_script)))
        .service(web::resource("/static/passkey.js").route(web::get().to(passkey_script)));
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

async fn reveal_script() -> HttpResponse {
    asset(JAVASCRIPT, include_str!("../../static/reveal.js"))
}

async fn passkey_script() -> HttpResponse {
    asset(JAVASCRIPT, include_str!("../../static/passkey.js"))
}

fn mime(text: &'static str) -> actix_web::mime::Mime {
    text.parse().expect("a constant MIME type parses")
}
