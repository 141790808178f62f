//! The one-time setup link that creates the first administrator.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::db::audit::{AuditEvent, EventKind, record_event};
use crate::db::setup::{SetupError, create_first_admin, setup_token_is_valid};
use crate::db::users::{InsertUserError, NewUser, admin_exists};
use crate::domain::tokens::token_digest;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::register::{AccountForm, TypedAccount};
use crate::web::session::start_session;
use crate::web::{AppState, origin_of, render, see_other};

const LINK_INVALID: &str = "This setup link has already been used or is no longer valid. \
     Sign in, or ask an administrator for an account.";

#[derive(Template)]
#[template(path = "setup.html")]
struct SetupPage {
    layout: Layout,
    token: String,
    typed: TypedAccount,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct SetupQuery {
    #[serde(default)]
    token: String,
}

async fn link_is_usable(state: &AppState, token: &str) -> Result<bool, AppError> {
    if token.is_empty() || token.len() > 128 {
        return Ok(false);
    }
    Ok(setup_token_is_valid(&state.db, &token_digest(token)).await?
        && !admin_exists(&state.db.pool).await?)
}

pub async fn setup_form(
    query: web::Query<SetupQuery>,
    state: web::Data<AppState>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    if !link_is_usable(&state, &token).await? {
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
pub struct SetupForm {
    #[serde(default)]
    token: String,
    #[serde(flatten)]
    account: AccountForm,
}

#[tracing::instrument(name = "Create the first administrator", skip_all)]
pub async fn create_admin(
    req: HttpRequest,
    form: web::Form<SetupForm>,
    state: web::Data<AppState>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let SetupForm { token, account } = form.into_inner();
    if !link_is_usable(&state, &token).await? {
        return Err(AppError::Forbidden(LINK_INVALID));
    }
    let account = match account.validate() {
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
    let hash = state.passwords.hash(account.password.clone()).await?;
    let admin = NewUser {
        email: &account.email,
        name: &account.name,
        password_hash: Some(&hash),
        phone: None,
        is_admin: true,
    };
    let origin = origin_of(&req);
    let admin_id = match create_first_admin(&state.db, &token_digest(&token), &admin).await {
        Ok(id) => id,
        Err(SetupError::TokenInvalid) => return Err(AppError::Forbidden(LINK_INVALID)),
        Err(SetupError::Insert(InsertUserError::EmailTaken)) => {
            let mut errors = FormErrors::default();
            errors.add("email", "An account with this email already exists.");
            let typed = TypedAccount::from(&account);
            let page = SetupPage {
                layout,
                token,
                typed,
                errors,
            };
            return render(StatusCode::CONFLICT, &page);
        }
        Err(SetupError::Insert(InsertUserError::Db(err))) => return Err(err.into()),
    };
    record_event(
        &state.db.pool,
        &AuditEvent::by_user(
            EventKind::AdminCreated,
            admin_id,
            &origin,
            Some("setup link"),
        ),
    )
    .await?;
    start_session(&state, &session, admin_id, None, &origin).await?;
    Ok(see_other("/?notice=welcome"))
}
