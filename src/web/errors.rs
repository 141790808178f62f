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
use actix_web::{HttpMessage, HttpResponse, ResponseError};
use askama::Template;

use super::layout::Layout;
use crate::domain::sealing::OpenError;

/// The `&'static str` of a refusal is a message id (`locales/*/*.ftl`), said in the
/// language of the request when its page is drawn; `BadRequest` carries words already in
/// that language.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("{0}")]
    BadRequest(String),
    /// A request that cannot be used as sent (an address or a form that cannot be read,
    /// a choice that no longer exists): 400, with a message id. The framework's extractors
    /// answer with it before a handler, or its `Layout`, exists.
    #[error("{0}")]
    Invalid(&'static str),
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
struct ErrorPage {
    layout: Layout,
    title: String,
    message: String,
}

/// What a person reads for each status: the message ids of a title and of one sentence
/// that says what to do.
fn describe(status: StatusCode) -> (&'static str, &'static str) {
    match status.as_u16() {
        400 => ("error-page-400-title", "error-page-400"),
        403 => ("error-page-403-title", "error-page-403"),
        404 => ("error-page-404-title", "error-page-404"),
        405 => ("error-page-405-title", "error-page-405"),
        409 => ("error-page-409-title", "error-page-409"),
        410 => ("error-page-410-title", "error-page-410"),
        413 => ("error-page-413-title", "error-page-413"),
        415 => ("error-page-415-title", "error-page-415"),
        429 => ("error-page-429-title", "error-page-429"),
        503 => ("error-page-503-title", "error-page-503"),
        _ if status.is_client_error() => ("error-page-4xx-title", "error-page-4xx"),
        _ => ("error-page-500-title", "error-page-500"),
    }
}

/// What an error page says instead of its status's own sentence.
#[derive(Clone, Debug)]
enum Said {
    /// A message id, said in the page's language when the page is drawn.
    Id(String),
    /// Words already in the language of the request (`AppError::BadRequest`).
    Words(String),
    /// A stored value is sealed under a secret key the portal does not hold: its id.
    MissingKey(String),
}

impl Said {
    fn in_language(&self, layout: &Layout) -> String {
        match self {
            Self::Id(id) => layout.lang.t(id),
            Self::Words(words) => words.clone(),
            Self::MissingKey(id) => layout.t_with("error-page-key-missing", "key", id),
        }
    }
}

/// Marks an error response of ours, with the message it carries to the renderer.
#[derive(Clone, Debug)]
struct ErrorMessage(Option<Said>);

/// An error response of `status`, to be drawn as a page with the message `id` (or the
/// status's own sentence), in the language of the request.
pub fn error_response(status: StatusCode, id: Option<&str>) -> HttpResponse {
    respond(status, id.map(|id| Said::Id(id.to_owned())))
}

fn respond(status: StatusCode, said: Option<Said>) -> HttpResponse {
    let mut response = HttpResponse::new(status);
    response.extensions_mut().insert(ErrorMessage(said));
    response
}

/// Renders the error page; falls back to plain text if the template itself fails.
fn error_page(status: StatusCode, mut layout: Layout, said: Option<&Said>) -> HttpResponse {
    // The "Language" menu comes back to the address without its query: what was refused
    // (an application's redirect URI, a dead link's token) is not carried on the page.
    if let Some((path, _)) = layout.here.split_once('?') {
        layout.here = path.to_owned();
    }
    let (title, default_message) = describe(status);
    let title = layout.lang.t(title);
    let message = match said {
        Some(said) => said.in_language(&layout),
        None => layout.lang.t(default_message),
    };
    let page = ErrorPage {
        layout,
        title,
        message,
    };
    match page.render() {
        Ok(html) => HttpResponse::build(status)
            .insert_header(ContentType::html())
            .body(html),
        Err(err) => {
            tracing::error!(error = %err, "Rendering the error page failed");
            HttpResponse::build(status).body(page.title)
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

    /// The id of the secret key a stored value needs and the portal does not hold (the
    /// operator replaced the key without listing the old one as a previous key).
    fn missing_key(&self) -> Option<&str> {
        let Self::Unexpected(err) = self else {
            return None;
        };
        err.chain()
            .find_map(|cause| match cause.downcast_ref::<OpenError>() {
                Some(OpenError::MissingKey(id)) => Some(id.as_str()),
                _ => None,
            })
    }
}

/// Seconds a client is asked to wait before trying again while the database is away.
const RETRY_AFTER_SECS: &str = "5";

/// The 503 page's response: the database is away; the request may succeed in a moment.
pub fn unavailable_response() -> HttpResponse {
    let mut response = error_response(StatusCode::SERVICE_UNAVAILABLE, Some("error-page-503"));
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
            Self::BadRequest(_) | Self::Invalid(_) => StatusCode::BAD_REQUEST,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::LinkExpired(_) => StatusCode::GONE,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            _ if self.is_outage() || self.missing_key().is_some() => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Forbidden(message)
            | Self::Invalid(message)
            | Self::Conflict(message)
            | Self::TooMany(message)
            | Self::LinkExpired(message) => error_response(self.status_code(), Some(message)),
            Self::BadRequest(words) => {
                respond(self.status_code(), Some(Said::Words(words.clone())))
            }
            Self::NotFound | Self::TooLarge => error_response(self.status_code(), None),
            Self::Unexpected(err) if self.is_outage() => {
                tracing::warn!(error = %err, "The database is unavailable: answered 503");
                unavailable_response()
            }
            Self::Unexpected(err) if let Some(id) = self.missing_key() => {
                tracing::error!(
                    error = %err,
                    "A stored value needs the secret key {id}: list it in TWOSTEP_SECRET_KEY_PREVIOUS"
                );
                respond(self.status_code(), Some(Said::MissingKey(id.to_owned())))
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
    if crate::web::api::is_api(res.request().path()) {
        return Ok(ErrorHandlerResponse::Response(problem_of(res)));
    }
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
        message.as_ref().and_then(|m| m.0.as_ref()),
    );
    for (name, value) in kept {
        page.headers_mut().insert(name, value);
    }
    let page: HttpResponse<BoxBody> = page;
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, page).map_into_right_body::<B>(),
    ))
}

/// An error response under `/api/` as problem+json: ours with what they carry, the
/// framework's (unknown path, wrong method, unreadable body) with their status's title.
fn problem_of<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> ServiceResponse<actix_web::body::EitherBody<B>> {
    use crate::web::api::problem;
    let status = res.status();
    let carried = problem::carried(res.response());
    let lang = res
        .request()
        .extensions()
        .get::<crate::web::middleware::language::RequestLanguage>()
        .map(|language| language.0)
        .unwrap_or_default();
    let page_message = res
        .response()
        .extensions()
        .get::<ErrorMessage>()
        .and_then(|message| message.0.clone())
        .map(|said| match said {
            Said::Id(id) => lang.t(&id),
            Said::Words(words) => words,
            Said::MissingKey(id) => {
                crate::i18n::text_with(lang, "error-page-key-missing", &[("key", &id)])
            }
        });
    let kept: Vec<_> = [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE]
        .into_iter()
        .filter_map(|name| res.headers().get(&name).cloned().map(|value| (name, value)))
        .collect();
    let (req, _) = res.into_parts();
    let mut response = problem::render(status, lang, carried.as_deref(), page_message);
    for (name, value) in kept {
        response.headers_mut().insert(name, value);
    }
    ServiceResponse::new(req, response).map_into_right_body::<B>()
}
