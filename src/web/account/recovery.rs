//! Recovery codes: shown after they are made, with copy and download, until the user
//! confirms they saved them. A regenerated set replaces the old one only at "Done", so a
//! double submit or an abandoned page never leaves the person with codes that do not work.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::http::header::{ContentDisposition, ContentType, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{
    HeldCodes, held_recovery_codes, hold_recovery_codes, release_recovery_codes,
    take_waiting_sign_in,
};
use crate::web::state::AppState;
use crate::web::step::Step;

pub const NEW_CODES_PAGE: &str = "/account/security/recovery-codes/new";
pub const DOWNLOAD_PAGE: &str = "/account/security/recovery-codes/download";
/// "Done" on the codes page; there is no page at this address.
pub const DONE_ACTION: &str = "/account/security/recovery-codes/done";

/// Shows a first set, already stored when 2-step verification was turned on; `step`, the
/// codes page's place in the set-up that made them.
pub fn show_first_codes(
    state: &AppState,
    session: &Session,
    user_id: i64,
    codes: &[String],
    step: Option<Step>,
    proof: crate::domain::oidc::Proof,
) -> Result<HttpResponse, AppError> {
    // The code just entered turned the method on: this session now proved it too.
    crate::web::session::add_proof(session, proof)?;
    let sealed = state.services.seal_for_display(user_id, codes);
    hold_recovery_codes(
        session,
        HeldCodes {
            sealed,
            replaces: false,
            step,
        },
    )?;
    Ok(see_other(NEW_CODES_PAGE))
}

/// The held set, opened.
struct Held {
    codes: Vec<String>,
    replaces: bool,
    step: Option<Step>,
}

fn held_codes(state: &AppState, session: &Session, user_id: i64) -> Option<Held> {
    let held = held_recovery_codes(session)?;
    let codes = state.services.open_for_display(user_id, &held.sealed)?;
    Some(Held {
        codes,
        replaces: held.replaces,
        step: held.step,
    })
}

#[derive(Template)]
#[template(path = "account/recovery_codes.html")]
struct CodesPage {
    layout: Layout,
    codes: Vec<String>,
    /// The last step of a set-up, for a first set.
    step: Option<Step>,
    errors: FormErrors,
}

pub const REGENERATE_PAGE: &str = "/account/security/recovery-codes";

/// "Generate new recovery codes?": the codes kept now stop working once the new ones are
/// saved.
pub async fn regenerate_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    if !me.user.has_two_step() {
        return Ok(see_other("/account/security"));
    }
    let left = me.services().recovery_codes_left(me.user.id).await?;
    let kept = match left {
        0 => layout.lang.t("account-no-codes-left"),
        n => layout
            .tr("account-codes-stop-once-saved")
            .count(n)
            .to_string(),
    };
    ConfirmChange {
        title: layout.lang.t("account-regenerate-title"),
        consequences: vec![kept, layout.lang.t("account-regenerate-ten")],
        action: REGENERATE_PAGE.into(),
        button: layout.lang.t("account-regenerate-button"),
        layout,
        danger: left > 0,
        cancel: "/account/security".into(),
    }
    .respond()
}

/// Makes a new set and shows it; the old set keeps working until "Done".
pub async fn regenerate(me: SignedIn, session: Session) -> Result<HttpResponse, AppError> {
    if !me.user.has_two_step() {
        return Ok(see_other("/account/security"));
    }
    let codes = me.services().new_recovery_codes();
    let sealed = me.services().seal_for_display(me.user.id, &codes);
    hold_recovery_codes(
        &session,
        HeldCodes {
            sealed,
            replaces: true,
            step: None,
        },
    )?;
    Ok(see_other(NEW_CODES_PAGE))
}

pub async fn show_codes(
    me: SignedIn,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    // Nothing waiting to be saved (saved already, or a new set never made): ask whether to
    // make one.
    let Some(Held { codes, step, .. }) = held_codes(&me.state, &session, me.user.id) else {
        return Ok(see_other(REGENERATE_PAGE));
    };
    render(
        StatusCode::OK,
        &CodesPage {
            layout,
            codes,
            step,
            errors: FormErrors::default(),
        },
    )
}

pub async fn download_codes(
    me: SignedIn,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    // Nothing waiting to be saved (saved already, or a new set never made): ask whether to
    // make one.
    let Some(Held { codes, .. }) = held_codes(&me.state, &session, me.user.id) else {
        return Ok(see_other(REGENERATE_PAGE));
    };
    let app = me.services().platform().await?.app_name;
    let title = layout
        .tr("account-codes-file-title")
        .arg("app", app)
        .arg("email", &me.user.email);
    let body = format!(
        "{title}\n\n{advice}\n{keep}\n\n{codes}\n",
        advice = layout.lang.t("account-codes-file-advice"),
        keep = layout.lang.t("account-codes-file-keep"),
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
    me: SignedIn,
    form: web::Form<DoneForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let Some(Held {
        codes,
        replaces,
        step,
    }) = held_codes(&me.state, &session, me.user.id)
    else {
        return Ok(see_other("/account/security"));
    };
    if form.saved.is_none() {
        let mut errors = FormErrors::default();
        errors.add("saved", layout.lang.t("account-codes-tick"));
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &CodesPage {
                layout,
                codes,
                step,
                errors,
            },
        );
    }
    if replaces {
        me.services()
            .replace_recovery_codes(&me.user, &codes, &me.origin)
            .await?;
    }
    release_recovery_codes(&session);
    // A set-up an application's sign-in asked for goes back to it.
    if let Some(next) = take_waiting_sign_in(&session) {
        return Ok(see_other(&next));
    }
    Ok(see_other("/account/security?notice=codes-saved"))
}
