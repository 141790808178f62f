use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::errors::AppError;
use super::layout::Layout;
use super::middleware::auth::require_sign_in;
use super::render;
use super::request::SignedIn;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/")
            .wrap(from_fn(require_sign_in))
            .route(web::get().to(home)),
    );
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
}

async fn home(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    let name = me.user.name;
    render(StatusCode::OK, &HomePage { layout, name })
}
