//! The API's errors as `application/problem+json` (RFC 9457): `type`, `title`, `status`,
//! `detail`, and for a request with problems in its fields, `errors` with each field's.
//! Like the pages' errors (`web::errors`), an error response carries what it says and is
//! worded where the request is seen (`render_error_page`), in the language the request
//! asks for; the framework's own errors under `/api/` (unknown path, wrong method, a body
//! that is not JSON) get the same shape there.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::language::Language;
use crate::domain::problems::Problems;

/// The media type of every error the API answers.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// What went wrong, before it is worded.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No key, or one that opens nothing: 401 with `WWW-Authenticate: Bearer`. The message
    /// id says which (a key that is not one is not told from a wrong one).
    #[error("{0}")]
    Unauthorized(&'static str),
    /// The key lacks the scope the request needs.
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A request that cannot be used as sent: a message id.
    #[error("{0}")]
    BadRequest(&'static str),
    #[error("{0}")]
    Conflict(&'static str),
    /// A body that is not JSON of the expected shape: why, as the JSON reader says it.
    #[error("unreadable body: {0}")]
    Unreadable(String),
    #[error("the request body is too large")]
    TooLarge,
    #[error("the body is not JSON")]
    UnsupportedType,
    /// Fields with problems.
    #[error("invalid fields")]
    Invalid(#[from] Invalid),
    /// The key's requests this minute are spent.
    #[error("rate limited")]
    TooMany { retry_after_secs: i64 },
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// The problems of a request's fields, named as the API names them.
#[derive(Debug, thiserror::Error)]
#[error("invalid fields")]
pub struct Invalid(pub ProblemList);

/// `Problems` with the API's field names.
pub struct ProblemList(pub Vec<(&'static str, crate::domain::problems::Problem)>);

impl std::fmt::Debug for ProblemList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(field, _)| field))
            .finish()
    }
}

impl ApiError {
    /// Problems found by a parser the pages share; `rename` maps a page's field name to
    /// the API's where they differ.
    pub fn invalid(problems: Problems, rename: &[(&str, &'static str)]) -> Self {
        let list = problems
            .into_iter()
            .map(|problem| {
                let field = rename
                    .iter()
                    .find(|(page, _)| *page == problem.field)
                    .map_or(problem.field, |(_, api)| *api);
                (field, problem)
            })
            .collect();
        Self::Invalid(Invalid(ProblemList(list)))
    }

    /// One field's problem said by one message.
    pub fn field(field: &'static str, id: &'static str) -> Self {
        let mut problems = Problems::default();
        problems.message(field, id);
        Self::invalid(problems, &[])
    }
}

impl From<crate::db::DbError> for ApiError {
    fn from(err: crate::db::DbError) -> Self {
        Self::Unexpected(err.into())
    }
}

/// What an error response carries to `render`: its detail and its fields' problems.
pub struct Carried {
    detail: Option<&'static str>,
    /// What the JSON reader said of an unreadable body (its words, not translated).
    reason: Option<String>,
    fields: Option<ProblemList>,
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::BadRequest(_) | Self::Unreadable(_) => StatusCode::BAD_REQUEST,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unexpected(err) if is_outage(err) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Unexpected(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::new(self.status_code());
        let reason = match self {
            Self::Unreadable(reason) if !reason.is_empty() => Some(reason.clone()),
            _ => None,
        };
        let (detail, fields) = match self {
            Self::Unauthorized(id)
            | Self::Forbidden(id)
            | Self::BadRequest(id)
            | Self::Conflict(id) => (Some(*id), None),
            Self::Invalid(Invalid(list)) => (None, Some(ProblemList(list.0.clone()))),
            Self::TooMany { .. } => (Some("api-rate-limited"), None),
            Self::Unreadable(_) => (Some("api-body-unreadable"), None),
            Self::UnsupportedType => (Some("api-body-not-json"), None),
            Self::NotFound | Self::MethodNotAllowed | Self::TooLarge => (None, None),
            Self::Unexpected(err) => {
                if is_outage(err) {
                    tracing::warn!(error = %err, "The database is unavailable: answered 503");
                } else {
                    tracing::error!(error = ?err, "API request failed unexpectedly");
                }
                (None, None)
            }
        };
        let headers = response.headers_mut();
        match self {
            Self::Unauthorized(id) => {
                let challenge = if *id == "api-key-missing" {
                    "Bearer realm=\"twostep\""
                } else {
                    "Bearer realm=\"twostep\", error=\"invalid_token\""
                };
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(challenge),
                );
            }
            Self::TooMany { retry_after_secs } => {
                if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                    headers.insert(header::RETRY_AFTER, value);
                }
            }
            _ => {}
        }
        response.extensions_mut().insert(std::rc::Rc::new(Carried {
            detail,
            reason,
            fields,
        }));
        response
    }
}

fn is_outage(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<sqlx::Error>()
            .is_some_and(crate::db::is_outage)
    })
}

/// A problem+json document, as the OpenAPI description shows it.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    #[schema(example = "about:blank")]
    kind: &'static str,
    title: String,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    /// Each field's problem, for a 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

#[derive(Serialize, ToSchema)]
pub struct FieldProblem {
    field: &'static str,
    detail: String,
}

/// The title of each status: a message id.
fn title(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "api-problem-400",
        401 => "api-problem-401",
        403 => "api-problem-403",
        404 => "api-problem-404",
        405 => "api-problem-405",
        409 => "api-problem-409",
        413 => "api-problem-413",
        415 => "api-problem-415",
        422 => "api-problem-422",
        429 => "api-problem-429",
        503 => "api-problem-503",
        _ if status.is_client_error() => "api-problem-400",
        _ => "api-problem-500",
    }
}

/// The problem+json response of an error response under `/api/`: ours carry their
/// detail (`Carried`), the framework's a page's message id (`page_message`) or nothing.
pub fn render(
    status: StatusCode,
    lang: Language,
    carried: Option<&Carried>,
    page_message: Option<String>,
) -> HttpResponse {
    let detail = carried
        .and_then(|carried| carried.detail.map(|id| (id, carried.reason.as_deref())))
        .map(|(id, reason)| match reason {
            Some(reason) => lang
                .tr("api-body-unreadable-because")
                .arg("reason", reason)
                .to_string(),
            None => lang.t(id),
        })
        .or(page_message);
    let errors = carried
        .and_then(|carried| carried.fields.as_ref())
        .map(|list| {
            list.0
                .iter()
                .map(|(field, problem)| FieldProblem {
                    field,
                    detail: problem.say(lang),
                })
                .collect()
        })
        .unwrap_or_default();
    let problem = Problem {
        kind: "about:blank",
        title: lang.t(title(status)),
        status: status.as_u16(),
        detail,
        errors,
    };
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(problem)
}

/// What an error response of ours carries, when it is one.
pub fn carried(
    response: &HttpResponse<impl actix_web::body::MessageBody>,
) -> Option<std::rc::Rc<Carried>> {
    response.extensions().get::<std::rc::Rc<Carried>>().cloned()
}
