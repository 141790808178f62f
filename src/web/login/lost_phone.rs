//! Without the phone or app, mid-sign-in: the temporary access code an administrator
//! gives, and "Lost your phone?", which explains the ways back and asks the administrators
//! for help. Both are reached only between the password and the second step (`Pending`).

use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::verify::Pending;
use crate::domain::oidc::Proof;
use crate::i18n;
use crate::services::temporary_codes::TemporarySignIn;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::layout::Layout;
use crate::web::responses::{render, see_other};
use crate::web::session::start_session;

#[derive(Template)]
#[template(path = "login/temporary_code.html")]
struct TemporaryCodePage {
    layout: Layout,
    errors: FormErrors,
}

pub async fn temporary_code_form(_: Pending, layout: Layout) -> Result<HttpResponse, AppError> {
    render(
        StatusCode::OK,
        &TemporaryCodePage {
            layout,
            errors: FormErrors::default(),
        },
    )
}

#[derive(Deserialize)]
pub struct TemporaryCodeForm {
    #[serde(default)]
    temporary_code: String,
}

const FIELD: &str = "temporary_code";

#[tracing::instrument(name = "Sign in with a temporary access code", skip_all)]
pub async fn use_temporary_code(
    Pending {
        state,
        session,
        origin,
        pending,
    }: Pending,
    form: web::Form<TemporaryCodeForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let user = &pending.user;
    let mut errors = FormErrors::default();
    if form.temporary_code.trim().is_empty() {
        errors.add(FIELD, layout.lang.t("login-temporary-enter"));
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &TemporaryCodePage { layout, errors },
        );
    }
    let status = match state
        .services
        .temporary_code_sign_in(user, &form.temporary_code, &origin)
        .await?
    {
        TemporarySignIn::SignedIn => {
            let proofs = [Proof::Password, Proof::TemporaryCode];
            start_session(&state, &session, user, &origin, &proofs).await?;
            // The password was just given: setting up a new phone or app asks for nothing
            // more for the next 10 minutes.
            return Ok(see_other("/account/security?notice=temporary-code-used"));
        }
        TemporarySignIn::Wrong => {
            errors.add(FIELD, layout.lang.t("login-temporary-wrong"));
            StatusCode::UNAUTHORIZED
        }
        TemporarySignIn::Throttled => {
            errors.add(FIELD, layout.lang.t("login-too-many-codes"));
            StatusCode::TOO_MANY_REQUESTS
        }
    };
    render(status, &TemporaryCodePage { layout, errors })
}

#[derive(Template)]
#[template(path = "login/lost_phone.html")]
struct LostPhonePage {
    layout: Layout,
    /// The help request was taken (or was already, within the hour: the same words).
    asked: bool,
}

impl LostPhonePage {
    /// "Once you have it, choose Use a temporary access code, …", the choice a link.
    fn asked_then(&self) -> String {
        let link = format!(
            r#"<a href="/login/temporary-code">{}</a>"#,
            i18n::escape_html(&self.layout.lang.t("login-use-temporary-code"))
        );
        self.layout.tr("login-lost-asked-then").html("link", &link)
    }
}

/// "Lost your phone?": a signed-in browser is sent to My security settings, where the
/// phone is changed; anyone else needs a sign-in in progress.
pub async fn lost_phone_page(
    req: HttpRequest,
    layout: Layout,
) -> Result<HttpResponse, actix_web::Error> {
    if layout.user.is_some() {
        return Ok(see_other("/account/security"));
    }
    Pending::extract(&req).await?;
    let page = LostPhonePage {
        layout,
        asked: false,
    };
    Ok(render(StatusCode::OK, &page)?)
}

#[tracing::instrument(name = "Ask the administrators for help", skip_all)]
pub async fn ask_for_help(p: Pending, layout: Layout) -> Result<HttpResponse, AppError> {
    p.state
        .services
        .ask_administrators_for_help(&p.pending.user, &p.origin)
        .await?;
    render(
        StatusCode::OK,
        &LostPhonePage {
            layout,
            asked: true,
        },
    )
}
