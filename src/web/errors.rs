//! One mapping from errors to responses: expected failures get their page and a 4xx;
//! anything unexpected becomes an opaque 500 page while its cause is logged with its chain.
//! Error responses carry only their status and message; `render_error_page`, which sees
//! the request, draws every error page (ours and the framework's) with the current app
//! name.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentType};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use super::layout::Layout;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Conflict(&'static str),
    #[error("{0}")]
    TooMany(&'static str),
    /// An emailed link (set a password, confirm an address, an invitation) that expired or
    /// was used: 410, titled "This link has expired".
    #[error("{0}")]
    LinkExpired(&'static str),
    #[error("not found")]
    NotFound,
    #[error("the request body is too large")]
    TooLarge,
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        Self::Unexpected(err.into())
    }
}

impl From<super::session::SessionError> for AppError {
    fn from(err: super::session::SessionError) -> Self {
        match err {
            super::session::SessionError::Store(message) => {
                Self::Unexpected(anyhow::anyhow!(message))
            }
            super::session::SessionError::Db(err) => err.into(),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> Self {
        Self::Unexpected(err.into())
    }
}

#[derive(Template)]
#[template(path = "errors/error.html")]
struct ErrorPage<'a> {
    layout: Layout,
    title: &'a str,
    message: &'a str,
}

/// What a person reads for each status: a title and one sentence that says what to do.
fn describe(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => (
            "The request could not be read",
            "The request could not be read. Go back, check what you entered and try again.",
        ),
        403 => (
            "You cannot do this",
            "This is not allowed for your account.",
        ),
        404 => (
            "Page not found",
            "There is no page at this address. Check it, or go to the start page.",
        ),
        405 => (
            "This page cannot be used that way",
            "Go back and use the page's own links and buttons.",
        ),
        409 => (
            "This change cannot be made",
            "The change conflicts with the current state. Go back, reload the page and try again.",
        ),
        413 => (
            "Too much data",
            "What you sent is too large. Shorten it and try again.",
        ),
        415 => (
            "The form could not be read",
            "The form was sent in a format this page does not accept.",
        ),
        410 => (
            "This link has expired",
            "This link has expired or was already used. Ask for a new one.",
        ),
        429 => ("Too many attempts", "Wait a few minutes and try again."),
        503 => (
            "Unavailable",
            "The service is unavailable. Try again in a moment.",
        ),
        _ if status.is_client_error() => (
            "The request could not be completed",
            "Go back and try again.",
        ),
        _ => (
            "Something went wrong",
            "An unexpected error happened on our side. Try again in a moment.",
        ),
    }
}

/// Marks an error response of ours, with the message it carries to the renderer.
#[derive(Clone, Debug)]
struct ErrorMessage(Option<String>);

/// An error response of `status`, to be drawn as a page with `message` (or the status's
/// own sentence).
pub fn error_response(status: StatusCode, message: Option<&str>) -> HttpResponse {
    let mut response = HttpResponse::new(status);
    response
        .extensions_mut()
        .insert(ErrorMessage(message.map(str::to_owned)));
    response
}

/// Renders the error page; falls back to plain text if the template itself fails.
fn error_page(status: StatusCode, mut layout: Layout, message: Option<&str>) -> HttpResponse {
    // The "Language" menu comes back to the address without its query: what was refused
    // (an application's redirect URI, a dead link's token) is not carried on the page.
    if let Some((path, _)) = layout.here.split_once('?') {
        layout.here = path.to_owned();
    }
    let (title, default_message) = describe(status);
    let page = ErrorPage {
        layout,
        title,
        message: message.unwrap_or(default_message),
    };
    match page.render() {
        Ok(html) => HttpResponse::build(status)
            .insert_header(ContentType::html())
            .body(html),
        Err(err) => {
            tracing::error!(error = %err, "Rendering the error page failed");
            HttpResponse::build(status).body(title)
        }
    }
}

impl AppError {
    /// Whether the cause is the database being out of reach, not a fault of the request
    /// or of the code: the answer is 503, "try again in a moment".
    pub fn is_outage(&self) -> bool {
        matches!(self, Self::Unexpected(err) if err.chain().any(|cause| {
            cause.downcast_ref::<sqlx::Error>().is_some_and(crate::db::is_outage)
        }))
    }
}

/// Seconds a client is asked to wait before trying again while the database is away.
const RETRY_AFTER_SECS: &str = "5";

/// The 503 page's response: the database is away; the request may succeed in a moment.
pub fn unavailable_response() -> HttpResponse {
    let mut response = error_response(
        StatusCode::SERVICE_UNAVAILABLE,
        Some("The service is unavailable. Try again in a moment."),
    );
    response.headers_mut().insert(
        header::RETRY_AFTER,
        header::HeaderValue::from_static(RETRY_AFTER_SECS),
    );
    response
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::LinkExpired(_) => StatusCode::GONE,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            _ if self.is_outage() => StatusCode::SERVICE_UNAVAILABLE,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Forbidden(message)
            | Self::Conflict(message)
            | Self::TooMany(message)
            | Self::LinkExpired(message) => error_response(self.status_code(), Some(message)),
            Self::BadRequest(message) => error_response(self.status_code(), Some(message)),
            Self::NotFound | Self::TooLarge => error_response(self.status_code(), None),
            Self::Unexpected(err) if self.is_outage() => {
                tracing::warn!(error = %err, "The database is unavailable: answered 503");
                unavailable_response()
            }
            Self::Unexpected(err) => {
                tracing::error!(error = ?err, "Request failed unexpectedly");
                error_response(self.status_code(), None)
            }
        }
    }
}

/// Draws the page of every error response: ours (`error_response`) and the framework's
/// (404 for unknown paths, 405, 413 and 400 from the extractors). Responses that already
/// carry HTML (a form page with its errors) or JSON are left alone.
pub fn render_error_page<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    // HTML already (a form page with its errors), or JSON an application reads (the
    // OpenID Connect endpoints' errors).
    let drawn = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"));
    if drawn {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let message = res.response().extensions().get::<ErrorMessage>().cloned();
    if status.is_server_error() && message.is_none() {
        tracing::error!(%status, "A framework error reached the client");
    }
    // Kept from the response being drawn: what a client needs to go on.
    let kept: Vec<_> = [header::ALLOW, header::RETRY_AFTER]
        .into_iter()
        .filter_map(|name| res.headers().get(&name).cloned().map(|value| (name, value)))
        .collect();
    let (req, _) = res.into_parts();
    let mut page = error_page(
        status,
        Layout::of(&req),
        message.as_ref().and_then(|m| m.0.as_deref()),
    );
    for (name, value) in kept {
        page.headers_mut().insert(name, value);
    }
    let page: HttpResponse<BoxBody> = page;
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, page).map_into_right_body::<B>(),
    ))
}
