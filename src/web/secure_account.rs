//! "This wasn't me" (`/secure-account?token=…`), from a new-device email: a page that says
//! what securing does, and "Secure my account", which does it all in one transaction
//! (`Services::secure_account`). It works signed out; the link works once, for 7 days. A
//! browser signed in to the account is signed out with every other session.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::errors::AppError;
use super::layout::Layout;
use super::request::Visitor;
use super::responses::{render, see_other};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/secure-account")
            .route(web::get().to(question))
            .route(web::post().to(secure)),
    );
}

/// A used or expired link's refusal (a message id).
const LINK_DEAD: &str = "secure-link-dead";
/// The longest token accepted: a real one is 43 characters.
const TOKEN_MAX: usize = 64;

#[derive(Template)]
#[template(path = "secure_account.html")]
struct SecurePage {
    layout: Layout,
    token: String,
    email: String,
    /// Done: the account is secured.
    secured: bool,
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
}

#[derive(Deserialize)]
pub struct SecureQuery {
    #[serde(default)]
    token: String,
    #[serde(default)]
    secured: String,
}

async fn question(
    visitor: Visitor,
    query: web::Query<SecureQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let SecureQuery { token, secured } = query.into_inner();
    if secured == "yes" {
        let page = SecurePage {
            layout,
            token: String::new(),
            email: String::new(),
            secured: true,
        };
        return render(StatusCode::OK, &page);
    }
    if token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    let user = visitor
        .services()
        .secure_link_owner(&token)
        .await?
        .ok_or(AppError::LinkExpired(LINK_DEAD))?;
    let page = SecurePage {
        layout,
        token,
        email: user.email,
        secured: false,
    };
    render(StatusCode::OK, &page)
}

#[tracing::instrument(name = "Secure an account", skip_all)]
async fn secure(
    visitor: Visitor,
    session: Session,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, AppError> {
    if form.token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    visitor
        .services()
        .secure_account(&form.token, &visitor.origin)
        .await?
        .ok_or(AppError::LinkExpired(LINK_DEAD))?;
    // Whoever this browser was signed in as, it is signed out: the account's sessions
    // ended on the server too.
    session.purge();
    Ok(see_other("/secure-account?secured=yes"))
}
