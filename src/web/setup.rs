//! The one-time setup link that creates the first administrator.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::services::account::CreateError;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::parts::account_fields::{AccountForm, TypedAccount};
use crate::web::request::Visitor;
use crate::web::responses::{render, see_other};
use crate::web::session::start_session;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/setup")
            .route(web::get().to(setup_form))
            .route(web::post().to(create_admin)),
    );
}

const LINK_INVALID: &str = "public-setup-link-invalid";

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    layout: Layout,
    token: String,
    typed: TypedAccount,
    errors: FormErrors,
}

#[derive(Deserialize)]
struct SetupQuery {
    #[serde(default)]
    token: String,
}

async fn setup_form(
    query: web::Query<SetupQuery>,
    state: web::Data<AppState>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    if !state.services.setup_link_is_usable(&token).await? {
        return Err(AppError::Forbidden(LINK_INVALID));
    }
    render(
        StatusCode::OK,
        &SetupPage {
            layout,
            token,
            typed: TypedAccount::default(),
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
struct SetupForm {
    #[serde(default)]
    token: String,
    #[serde(flatten)]
    account: AccountForm,
}

#[tracing::instrument(name = "Create the first administrator", skip_all)]
async fn create_admin(
    Visitor { state, origin }: Visitor,
    form: web::Form<SetupForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let SetupForm { token, account } = form.into_inner();
    if !state.services.setup_link_is_usable(&token).await? {
        return Err(AppError::Forbidden(LINK_INVALID));
    }
    let account = match account.validate(layout.lang) {
        Ok(account) => account,
        Err((errors, typed)) => {
            let page = SetupPage {
                layout,
                token,
                typed,
                errors,
            };
            return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    match state
        .services
        .create_first_admin(&token, &account, &origin)
        .await
    {
        Ok(admin) => {
            start_session(
                &state,
                &session,
                &admin,
                &origin,
                &[crate::domain::oidc::Proof::Password],
            )
            .await?;
            Ok(see_other("/?notice=welcome"))
        }
        Err(CreateError::Refused | CreateError::Closed) => Err(AppError::Forbidden(LINK_INVALID)),
        Err(CreateError::EmailTaken) => {
            let mut errors = FormErrors::default();
            errors.add("email", layout.lang.t("public-email-taken"));
            let page = SetupPage {
                layout,
                token,
                typed: TypedAccount::from(&account),
                errors,
            };
            render(StatusCode::CONFLICT, &page)
        }
        Err(CreateError::Unexpected(err)) => Err(AppError::Unexpected(err)),
    }
}
