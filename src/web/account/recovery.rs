//! Recovery codes: shown once after they are made, with copy and download, until the user
//! confirms they saved them; regenerated on demand (which voids the old set).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, ContentType, DispositionParam, DispositionType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::middleware::auth::CurrentUser;
use crate::web::notify::{Notice, notify};
use crate::web::session::{held_recovery_codes, hold_recovery_codes, release_recovery_codes};
use crate::web::{AppState, origin_of, render, see_other};

pub const NEW_CODES_PAGE: &str = "/account/security/recovery-codes/new";

/// Makes a new set, keeps it (sealed) in the session and returns where it is shown.
pub async fn issue_codes(
    state: &AppState,
    session: &Session,
    req: &HttpRequest,
    user_id: i64,
) -> Result<HttpResponse, AppError> {
    let codes = state
        .factors
        .generate_recovery_codes(user_id, &origin_of(req))
        .await?;
    hold_recovery_codes(session, state.factors.seal_for_display(user_id, &codes))?;
    Ok(see_other(NEW_CODES_PAGE))
}

fn held_codes(state: &AppState, session: &Session, user_id: i64) -> Option<Vec<String>> {
    held_recovery_codes(session).and_then(|sealed| state.factors.open_for_display(user_id, &sealed))
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct CodesPage {
    layout: Layout,
    codes: Vec<String>,
    errors: FormErrors,
}

pub async fn regenerate(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    if !user.0.has_two_step() {
        return Ok(see_other("/account/security"));
    }
    notify(
        &state,
        &user.0,
        &origin_of(&req),
        Notice::RecoveryCodesReplaced,
    )
    .await?;
    issue_codes(&state, &session, &req, user.0.id).await
}

pub async fn show_codes(
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let Some(codes) = held_codes(&state, &session, user.0.id) else {
        return Ok(see_other("/account/security"));
    };
    render(
        StatusCode::OK,
        &CodesPage {
            layout,
            codes,
            errors: FormErrors::default(),
        },
    )
}

pub async fn download_codes(
    state: web::Data<AppState>,
    session: Session,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let Some(codes) = held_codes(&state, &session, user.0.id) else {
        return Ok(see_other("/account/security"));
    };
    let body = format!(
        "{app} recovery codes for {email}\n\nEach code signs you in once if you cannot use your phone or app.\nKeep them somewhere safe.\n\n{codes}\n",
        app = state.settings.app_name,
        email = user.0.email,
        codes = codes.join("\n"),
    );
    Ok(HttpResponse::Ok()
        .insert_header(ContentType::plaintext())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename("recovery-codes.txt".into())],
        })
        .body(body))
}

#[derive(Deserialize)]
pub struct DoneForm {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn codes_saved(
    form: web::Form<DoneForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let Some(codes) = held_codes(&state, &session, user.0.id) else {
        return Ok(see_other("/account/security"));
    };
    if form.saved.is_none() {
        let mut errors = FormErrors::default();
        errors.add(
            "saved",
            "Save your recovery codes, then tick \"I have saved my recovery codes\".",
        );
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &CodesPage {
                layout,
                codes,
                errors,
            },
        );
    }
    release_recovery_codes(&session);
    Ok(see_other("/account/security?notice=codes-saved"))
}
