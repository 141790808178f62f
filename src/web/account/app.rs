//! Setting up an authenticator app: scan the QR code (or type the key), enter a current
//! code; only then does the app become the active method. Removing it.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use super::recovery::show_first_codes;
use super::security::{remove_factor, remove_factor_form};
use crate::db::users::User;
use crate::domain::factors::FactorMethod;
use crate::services::factors::FactorOn;
use crate::services::factors::authenticator::{CodeOutcome, SetupView};
use crate::web::code_form::CodeForm;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::state::AppState;
use crate::web::step::{Step, app_set_up};

#[derive(Template)]
#[template(path = "account/app_setup.html")]
struct AppSetupPage {
    layout: Layout,
    setup: SetupView,
    step: Option<Step>,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    layout: Layout,
    user: &User,
    errors: FormErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let setup = state.services.begin_app_setup(user.id, &user.email).await?;
    render(
        status,
        &AppSetupPage {
            layout,
            setup,
            step: app_set_up(user, 1),
            errors,
        },
    )
}

pub async fn setup_page(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    page(
        &me.state,
        layout,
        &me.user,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[tracing::instrument(name = "Confirm an authenticator app", skip_all, fields(user_id = user.id))]
pub async fn confirm_app(
    SignedIn {
        state,
        user,
        origin,
    }: SignedIn,
    form: web::Form<CodeForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let code = match form.normalised(layout.lang) {
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
    let (status, message) = match state.services.confirm_app(&user, &code, &origin).await? {
        Ok(FactorOn::Enabled {
            first_codes: Some(codes),
        }) => {
            return show_first_codes(
                &state,
                &session,
                user.id,
                &codes,
                app_set_up(&user, 2),
                crate::domain::oidc::Proof::App,
            );
        }
        Ok(_) => return Ok(see_other("/account/security?notice=app-on")),
        Err(CodeOutcome::Throttled) => (
            StatusCode::TOO_MANY_REQUESTS,
            layout.lang.t("account-too-many-codes"),
        ),
        Err(_) => (
            StatusCode::UNAUTHORIZED,
            layout.lang.t("account-app-code-wrong"),
        ),
    };
    let mut errors = FormErrors::default();
    errors.add("code", message);
    page(&state, layout, &user, errors, status).await
}

pub async fn remove_app_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    remove_factor_form(me, FactorMethod::Authenticator, layout).await
}

#[tracing::instrument(name = "Remove the authenticator app", skip_all, fields(user_id = me.user.id))]
pub async fn remove_app(me: SignedIn) -> Result<HttpResponse, AppError> {
    remove_factor(me, FactorMethod::Authenticator).await
}
