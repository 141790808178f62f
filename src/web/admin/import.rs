//! "Import users (CSV)" (`/admin/users/import`): a file is uploaded, then each line is
//! previewed with its problem, then "Import" adds the good lines and reports on each. The
//! file is kept server-side between the steps (`services::admin::import`), for the
//! administrator who uploaded it only: anyone else's id is a 404.

use actix_web::http::StatusCode;
use actix_web::http::header::CONTENT_TYPE;
use actix_web::middleware::from_fn;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::users::{recent_password, thousands};
use super::{Section, sections};
use crate::domain::import::{FileProblem, LineProblem, MAX_FILE_BYTES, MAX_LINES, TypedLine};
use crate::domain::language::Language;
use crate::services::admin::Refusal;
use crate::services::admin::import::LineOutcome;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::multipart::{self, UPLOAD_MAX_BYTES};
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};

/// Adding people is as sensitive as adding one: behind the recent-password check.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/users/import")
            .app_data(web::PayloadConfig::new(UPLOAD_MAX_BYTES))
            .wrap(from_fn(recent_password))
            .route(web::get().to(import_form))
            .route(web::post().to(upload)),
    )
    .service(
        web::resource("/users/import/{id}")
            .wrap(from_fn(recent_password))
            .route(web::get().to(preview))
            .route(web::post().to(import)),
    );
}

#[derive(Template)]
#[template(path = "admin/import.html")]
struct ImportPage {
    layout: Layout,
    sections: Vec<Section>,
    /// The most lines, as the language writes the number.
    max_lines: String,
    max_megabytes: usize,
    errors: FormErrors,
}

fn import_page(layout: Layout, errors: FormErrors) -> Result<HttpResponse, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let max_lines = thousands(MAX_LINES as i64, layout.lang);
    render(
        status,
        &ImportPage {
            layout,
            sections: sections("/admin/users"),
            max_lines,
            max_megabytes: MAX_FILE_BYTES / (1024 * 1024),
            errors,
        },
    )
}

async fn import_form(layout: Layout) -> Result<HttpResponse, AppError> {
    import_page(layout, FormErrors::default())
}

/// A file problem in words.
fn say_file_problem(problem: &FileProblem, lang: Language) -> String {
    let line = match problem {
        FileProblem::UnclosedQuote { line } => *line,
        _ => 0,
    };
    lang.tr(problem.message_id())
        .arg("max", thousands(MAX_LINES as i64, lang))
        .num("megabytes", MAX_FILE_BYTES / (1024 * 1024))
        .num("line", line)
        .to_string()
}

/// The form's file: read from the multipart body, kept, then its preview.
#[tracing::instrument(name = "Upload a users import", skip_all)]
async fn upload(
    me: SignedIn,
    req: HttpRequest,
    body: web::Bytes,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let boundary = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(multipart::boundary)
        .ok_or(AppError::Invalid("error-page-bad-form"))?;
    let parts =
        multipart::parse(&body, boundary).map_err(|_| AppError::Invalid("error-page-bad-form"))?;
    let file = parts
        .iter()
        .find(|part| part.name == "file" && part.filename.is_some())
        .filter(|part| !part.data.is_empty());
    let Some(file) = file else {
        let mut errors = FormErrors::default();
        errors.add("file", layout.lang.t("import-choose-file"));
        return import_page(layout, errors);
    };
    let name = file.filename.as_deref().unwrap_or_default();
    match me
        .services()
        .upload_import(&me.user, name, file.data)
        .await?
    {
        Ok(id) => Ok(see_other(&format!("/admin/users/import/{id}"))),
        Err(problem) => {
            let mut errors = FormErrors::default();
            errors.add("file", say_file_problem(&problem, layout.lang));
            import_page(layout, errors)
        }
    }
}

/// A line of the preview or of the report.
pub struct LineRow {
    pub line: usize,
    pub email: String,
    pub name: String,
    pub phone: String,
    pub groups: String,
    /// What it is (will be) or what is wrong with it, in a sentence.
    pub status: String,
    pub good: bool,
}

impl LineRow {
    fn new(typed: TypedLine, good: bool, status: String) -> Self {
        Self {
            line: typed.line,
            email: typed.email,
            name: typed.name,
            phone: typed.phone,
            groups: typed.groups,
            status,
            good,
        }
    }
}

fn say_line_problems(problems: &[LineProblem], lang: Language) -> String {
    problems
        .iter()
        .map(|problem| match problem {
            LineProblem::Columns(found) => {
                lang.tr("import-problem-columns").count(*found).to_string()
            }
            LineProblem::Email(problem) => problem.say(lang),
            LineProblem::Name(problem) => problem.say(lang),
            LineProblem::Phone(problem) => problem.say(lang),
            LineProblem::UnknownGroup(group) => lang
                .tr("import-problem-unknown-group")
                .arg("group", group)
                .to_string(),
            LineProblem::Duplicate { first } => lang
                .tr("import-problem-duplicate")
                .num("line", *first)
                .to_string(),
            LineProblem::ExistingAccount => lang.t("import-problem-existing-account"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Template)]
#[template(path = "admin/import_lines.html")]
struct LinesPage {
    layout: Layout,
    sections: Vec<Section>,
    title: String,
    /// What the lines come to, a sentence each.
    summary: Vec<String>,
    /// Where "Import" posts; `None`: nothing (more) to import.
    import_action: Option<String>,
    lines: Vec<LineRow>,
}

async fn preview(
    me: SignedIn,
    id: web::Path<String>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let preview = me
        .services()
        .import_preview(&me.user, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = layout.lang;
    let lines: Vec<LineRow> = preview
        .lines
        .into_iter()
        .map(|line| match line.outcome {
            Ok(_) => LineRow::new(line.typed, true, lang.t("import-line-ready")),
            Err(problems) => LineRow::new(line.typed, false, say_line_problems(&problems, lang)),
        })
        .collect();
    let good = lines.iter().filter(|l| l.good).count();
    let mut summary = vec![
        lang.tr("import-preview-ready").count(good).to_string(),
        lang.tr("import-preview-problems")
            .count(lines.len() - good)
            .to_string(),
    ];
    if preview.imported {
        summary.push(lang.t("import-already-imported"));
    }
    render(
        StatusCode::OK,
        &LinesPage {
            sections: sections("/admin/users"),
            title: lang
                .tr("import-preview-title")
                .arg("file", &preview.file_name)
                .to_string(),
            summary,
            import_action: (good > 0 && !preview.imported)
                .then(|| format!("/admin/users/import/{id}")),
            lines,
            layout,
        },
    )
}

/// Imports the good lines, then says what became of every line.
#[tracing::instrument(name = "Import users", skip_all)]
async fn import(
    me: SignedIn,
    id: web::Path<String>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let lang = layout.lang;
    let report = match me.services().run_import(&me.user, &id, &me.origin).await? {
        None => return Err(AppError::NotFound),
        Some(Err(_)) => return Err(AppError::Conflict("import-already-imported")),
        Some(Ok(report)) => report,
    };
    let lines: Vec<LineRow> = report
        .into_iter()
        .map(|(typed, outcome)| match outcome {
            LineOutcome::Added(_) => LineRow::new(typed, true, lang.t("import-line-added")),
            LineOutcome::LeftAlone(problems) => LineRow::new(
                typed,
                false,
                lang.tr("import-line-left-alone")
                    .arg("problem", say_line_problems(&problems, lang))
                    .to_string(),
            ),
            LineOutcome::Refused(refusal) => {
                let why = match refusal {
                    Refusal::EmailTaken => "import-problem-existing-account",
                    _ => "import-refused-changed",
                };
                LineRow::new(typed, false, lang.t(why))
            }
        })
        .collect();
    let added = lines.iter().filter(|l| l.good).count();
    render(
        StatusCode::OK,
        &LinesPage {
            sections: sections("/admin/users"),
            title: lang.t("import-report-title"),
            summary: vec![
                lang.tr("import-report-added").count(added).to_string(),
                lang.tr("import-report-left-alone")
                    .count(lines.len() - added)
                    .to_string(),
            ],
            import_action: None,
            lines,
            layout,
        },
    )
}
