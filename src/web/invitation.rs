//! Accepting a room invitation (`/invite?token=…`): the invited address gets an account
//! (a name and a password chosen here) and joins the room group; then it is signed in.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::errors::AppError;
use super::forms::FormErrors;
use super::forms::empty_secret;
use super::layout::Layout;
use super::request::Visitor;
use super::responses::{render, see_other};
use super::session::start_session;
use crate::domain::account::normalise_name;
use crate::domain::password::check_new_password;
use crate::domain::rooms::after_a_form;
use crate::services::account::CreateError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/invite")
            .route(web::get().to(invitation_form))
            .route(web::post().to(accept)),
    );
}

const LINK_DEAD: &str = "public-invitation-dead";
const TOKEN_MAX: usize = 64;

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    layout: Layout,
    token: String,
    room: String,
    email: String,
    name: String,
    errors: FormErrors,
}

#[derive(Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    token: String,
}

async fn invitation_form(
    visitor: Visitor,
    query: web::Query<LinkQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    if query.token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    let invitation = visitor
        .services()
        .invitation(&query.token)
        .await?
        .ok_or(AppError::LinkExpired(LINK_DEAD))?;
    render(
        StatusCode::OK,
        &InvitationPage {
            layout,
            token: query.token.clone(),
            room: invitation.room_name,
            email: invitation.email,
            name: String::new(),
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    name: String,
    #[serde(default = "empty_secret")]
    password: SecretString,
}

#[tracing::instrument(name = "Accept an invitation", skip_all)]
async fn accept(
    visitor: Visitor,
    form: web::Form<AcceptForm>,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let AcceptForm {
        token,
        name,
        password,
    } = form.into_inner();
    if token.len() > TOKEN_MAX {
        return Err(AppError::LinkExpired(LINK_DEAD));
    }
    let invitation = visitor
        .services()
        .invitation(&token)
        .await?
        .ok_or(AppError::LinkExpired(LINK_DEAD))?;
    let mut errors = FormErrors::default();
    let checked_name = normalise_name(&name)
        .map_err(|p| errors.add("name", p.say(layout.lang)))
        .ok();
    if password.expose_secret().is_empty() {
        errors.add("password", layout.lang.t("public-choose-password"));
    } else if let Err(problem) =
        check_new_password(password.expose_secret(), &[&invitation.email, name.trim()])
    {
        errors.add("password", problem.say(layout.lang));
    }
    let Some(checked_name) = checked_name.filter(|_| errors.is_empty()) else {
        let page = InvitationPage {
            layout,
            token,
            room: invitation.room_name,
            email: invitation.email,
            name,
            errors,
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let accepted = visitor
        .services()
        .accept_invitation(&token, &checked_name, password, &visitor.origin)
        .await
        .map_err(|err| match err {
            CreateError::Unexpected(err) => AppError::Unexpected(err),
            other => AppError::Unexpected(other.into()),
        })?;
    let Some((user, room)) = accepted else {
        return Err(AppError::LinkExpired(LINK_DEAD));
    };
    start_session(
        &visitor.state,
        &session,
        &user,
        &visitor.origin,
        &[crate::domain::oidc::Proof::Password],
    )
    .await?;
    // The end of a form: the room links to its application rather than redirect there.
    Ok(see_other(&after_a_form(&format!("/rooms/{room}"))))
}
