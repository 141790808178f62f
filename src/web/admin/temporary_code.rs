//! "Issue a temporary access code" on a user's page: the question with "Valid for", then
//! the code, shown this once. Behind the recent-password check like every account action.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::settings::Choice;
use crate::domain::language::Language;
use crate::domain::temporary_codes::{VALID_HOURS, Validity};
use crate::services::admin::Actor;
use crate::services::temporary_codes::IssueRefusal;
use crate::web::errors::{AppError, error_response};
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::parts::devices::{When, when};
use crate::web::request::SignedIn;
use crate::web::responses::render;

/// A code just issued, as the page shows it.
pub struct Issued {
    code: String,
    until: When,
}

#[derive(Template)]
#[template(path = "admin/temporary_code.html")]
struct TemporaryCodePage {
    layout: Layout,
    id: i64,
    name: String,
    /// A valid code exists: issuing replaces it.
    has_code: bool,
    choices: Vec<Choice>,
    issued: Option<Issued>,
    errors: FormErrors,
}

fn choices(selected: Validity, lang: Language) -> Vec<Choice> {
    VALID_HOURS
        .into_iter()
        .filter_map(Validity::of_hours)
        .map(|validity| Choice {
            value: validity.hours().to_string(),
            label: lang.tr("hours").count(validity.hours()).to_string(),
            selected: validity == selected,
        })
        .collect()
}

/// Why no code can be issued (the page is not offered then), or a 404.
fn refusal(refusal: IssueRefusal) -> Result<HttpResponse, AppError> {
    let id = match refusal {
        IssueRefusal::NotFound => return Err(AppError::NotFound),
        IssueRefusal::Disabled => "admin-code-refused-disabled",
        IssueRefusal::NoSecondStep => "admin-code-refused-no-two-step",
    };
    Ok(error_response(StatusCode::CONFLICT, Some(id)))
}

async fn question(
    me: &SignedIn,
    id: i64,
    layout: Layout,
    selected: Validity,
    errors: FormErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let user = me
        .services()
        .find_user(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.is_disabled() {
        return refusal(IssueRefusal::Disabled);
    }
    if !user.has_two_step() {
        return refusal(IssueRefusal::NoSecondStep);
    }
    let has_code = me.services().active_temporary_code(id).await?.is_some();
    render(
        status,
        &TemporaryCodePage {
            choices: choices(selected, layout.lang),
            layout,
            id,
            name: user.name,
            has_code,
            issued: None,
            errors,
        },
    )
}

pub async fn issue_form(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let (errors, status) = (FormErrors::default(), StatusCode::OK);
    question(
        &me,
        id.into_inner().0,
        layout,
        Validity::default(),
        errors,
        status,
    )
    .await
}

#[derive(Deserialize)]
pub struct IssueForm {
    #[serde(default)]
    valid_for: String,
}

#[tracing::instrument(name = "Issue a temporary access code", skip_all)]
pub async fn issue(
    me: SignedIn,
    id: web::Path<Id>,
    form: web::Form<IssueForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner().0;
    let Some(validity) = Validity::parse(&form.valid_for) else {
        let mut errors = FormErrors::default();
        errors.add("valid_for", layout.lang.t("admin-code-choose-validity"));
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return question(&me, id, layout, Validity::default(), errors, status).await;
    };
    let issued = match me
        .services()
        .issue_temporary_code(Actor::Admin(&me.user), id, validity, &me.origin)
        .await?
    {
        Ok(issued) => issued,
        Err(refused) => return refusal(refused),
    };
    render(
        StatusCode::OK,
        &TemporaryCodePage {
            layout,
            id,
            name: issued.name,
            has_code: true,
            choices: Vec::new(),
            issued: Some(Issued {
                code: issued.code,
                until: when(issued.expires_at),
            }),
            errors: FormErrors::default(),
        },
    )
}
