//! Setting up an authenticator app: scan the QR code (or type the key), enter a current
//! code; only then does the app become the active method.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use super::recovery::issue_codes;
use super::security::record_new_method;
use crate::db::users::{TOTP_METHOD, set_two_step_method};
use crate::second_factors::{CodeOutcome, SetupView};
use crate::web::code_form::CodeForm;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::middleware::auth::CurrentUser;
use crate::web::{AppState, origin_of, render, see_other};

pub const APP_PAGE: &str = "/account/security/app";

#[derive(Template)]
#[template(path = "account/app_setup.html")]
struct AppSetupPage {
    layout: Layout,
    setup: SetupView,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    layout: Layout,
    user: &crate::db::users::User,
    errors: FormErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let setup = state.factors.begin_setup(user.id, &user.email).await?;
    render(
        status,
        &AppSetupPage {
            layout,
            setup,
            errors,
        },
    )
}

pub async fn setup_page(
    state: web::Data<AppState>,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    page(
        &state,
        layout,
        &user.0,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[tracing::instrument(name = "Confirm an authenticator app", skip_all, fields(user_id = user.0.id))]
pub async fn confirm_app(
    req: HttpRequest,
    form: web::Form<CodeForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
    user: CurrentUser,
) -> Result<HttpResponse, AppError> {
    let CurrentUser(user) = user;
    let code = match form.normalised() {
        Ok(code) => code,
        Err(errors) => {
            return page(
                &state,
                layout,
                &user,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let origin = origin_of(&req);
    let (status, message) = match state.factors.confirm_setup(user.id, &code, &origin).await? {
        CodeOutcome::Accepted => {
            set_two_step_method(&state.db, user.id, TOTP_METHOD, state.clock.now()).await?;
            let first_time = !user.has_two_step();
            record_new_method(&state, &user, &origin, "an authenticator app").await?;
            if first_time && state.factors.recovery_codes_left(user.id).await? == 0 {
                return issue_codes(&state, &session, &req, user.id).await;
            }
            return Ok(see_other("/account/security?notice=app-on"));
        }
        CodeOutcome::Throttled => (
            StatusCode::TOO_MANY_REQUESTS,
            "Too many wrong codes. Wait 15 minutes and try again.",
        ),
        CodeOutcome::Wrong | CodeOutcome::Replayed => (
            StatusCode::UNAUTHORIZED,
            "That code is not right. Enter the code your app shows now, and check that your phone's clock is set automatically.",
        ),
    };
    let mut errors = FormErrors::default();
    errors.add("code", message);
    page(&state, layout, &user, errors, status).await
}
