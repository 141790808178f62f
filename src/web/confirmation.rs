//! "Are you sure?": a page that says what a change will undo before it is made (drawn by the
//! `confirmation` macro of `templates/partials/components.html`, for any page to use). The change
//! is a POST from this page; opening the page changes nothing.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;

use super::errors::AppError;
use super::layout::Layout;
use super::responses::render;

#[derive(Template)]
#[template(path = "confirm_change.html")]
pub struct ConfirmChange {
    pub layout: Layout,
    /// The question, e.g. "Turn off 2-step verification?".
    pub title: String,
    /// What stops working or goes away, one sentence each.
    pub consequences: Vec<String>,
    pub action: String,
    pub button: String,
    /// The change cannot be undone by a click: the button is drawn as a warning.
    pub danger: bool,
    /// Where "Cancel" leads.
    pub cancel: String,
}

impl ConfirmChange {
    pub fn respond(&self) -> Result<HttpResponse, AppError> {
        render(StatusCode::OK, self)
    }
}
