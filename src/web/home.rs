use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::errors::AppError;
use super::layout::Layout;
use super::middleware::auth::CurrentUser;
use super::render;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    name: String,
}

pub async fn home(layout: Layout, user: CurrentUser) -> Result<HttpResponse, AppError> {
    render(
        StatusCode::OK,
        &HomePage {
            layout,
            name: user.0.name,
        },
    )
}
