//! Recovery codes: shown after they are made, with copy and download, until the user
//! confirms they saved them. A regenerated set replaces the old one only at "Done", so a
//! double submit or an abandoned page never leaves the person with codes that do not work.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, ContentType, DispositionParam, DispositionType};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::web::context::CurrentUser;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::session::{held_recovery_codes, hold_recovery_codes, release_recovery_codes};
use crate::web::{AppState, origin_of, render, see_other};

pub const NEW_CODES_PAGE: &str = "/account/security/recovery-codes/new";

/// Shows a first set, already stored when 2-step verification was turned on.
pub fn show_first_codes(
    state: &AppState,
    session: &Session,
    user_id: i64,
    codes: &[String],
) -> Result<HttpResponse, AppError> {
    let sealed = state.services.seal_for_display(user_id, codes);
    hold_recovery_codes(session, sealed, false)?;
    Ok(see_other(NEW_CODES_PAGE))
}

/// The held set, and whether it still has to replace the stored one.
fn held_codes(state: &AppState, session: &Session, user_id: i64) -> Option<(Vec<String>, bool)> {
    let (sealed, replaces) = held_recovery_codes(session)?;
    let codes = state.services.open_for_display(user_id, &sealed)?;
    Some((codes, replaces))
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct CodesPage {
    layout: Layout,
    codes: Vec<String>,
    errors: FormErrors,
}

/// Makes a new set and shows it; the old set keeps working until "Done".
pub async fn regenerate(
    state: web::Data<AppState>,
    session: Session,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    if !user.0.has_two_step() {
        return Ok(see_other("/account/security"));
    }
    let codes = state.services.new_recovery_codes();
    let sealed = state.services.seal_for_display(user.0.id, &codes);
    hold_recovery_codes(&session, sealed, true)?;
    Ok(see_other(NEW_CODES_PAGE))
}

pub async fn show_codes(
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let Some((codes, _)) = held_codes(&state, &session, user.0.id) else {
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
    let Some((codes, _)) = held_codes(&state, &session, user.0.id) else {
        return Ok(see_other("/account/security"));
    };
    let app = state.services.platform().await?.app_name;
    let body = format!(
        "{app} recovery codes for {email}\n\nEach code signs you in once if you cannot use your phone or app.\nKeep them somewhere safe.\n\n{codes}\n",
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

/// "Done": the person saved the codes shown; a replacement set now replaces the old one.
pub async fn codes_saved(
    req: HttpRequest,
    form: web::Form<DoneForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let Some((codes, replaces)) = held_codes(&state, &session, user.0.id) else {
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
    if replaces {
        state
            .services
            .replace_recovery_codes(&user.0, &codes, &origin_of(&req))
            .await?;
    }
    release_recovery_codes(&session);
    Ok(see_other("/account/security?notice=codes-saved"))
}
