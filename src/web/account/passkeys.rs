//! Adding a passkey or security key on My security settings, and removing one. Both are
//! sensitive changes: the password again unless confirmed in the last 10 minutes.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::recovery::show_first_codes;
use crate::domain::language::Language;
use crate::domain::oidc::Proof;
use crate::domain::passkeys::{MAX_PASSKEYS, credential_text, parse_name};
use crate::services::factors::passkeys::AddRefusal;
use crate::services::factors::{FactorOn, RemoveRefusal};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{keep_passkey_ceremony, take_passkey_ceremony};

pub const NEW_PASSKEY_PAGE: &str = "/account/security/passkeys/new";
/// Why the last passkey of someone held to passkeys cannot be removed (a message id).
pub const LAST_PASSKEY_STAYS: &str = "account-last-passkey-stays";
/// Where that page's form posts; it has no page of its own.
pub const ADD_ACTION: &str = "/account/security/passkeys";
/// Where the passkeys are listed, each with its "Remove".
pub const PASSKEYS_SECTION: &str = "/account/security#passkeys";

/// The words for a refusal in `lang`, and its status.
fn refusal(refusal: &AddRefusal, lang: Language) -> (StatusCode, String) {
    match refusal {
        AddRefusal::Unavailable => (StatusCode::CONFLICT, lang.t("account-passkeys-unavailable")),
        AddRefusal::TooMany => (
            StatusCode::CONFLICT,
            lang.tr("account-too-many-passkeys")
                .count(MAX_PASSKEYS)
                .to_string(),
        ),
        AddRefusal::NotAccepted => (
            StatusCode::UNPROCESSABLE_ENTITY,
            lang.t("account-passkey-not-created"),
        ),
        AddRefusal::AlreadyRegistered => (
            StatusCode::CONFLICT,
            lang.t("account-passkey-already-registered"),
        ),
    }
}

#[derive(Template)]
#[template(path = "account/passkey_new.html")]
struct NewPasskeyPage {
    layout: Layout,
    /// The WebAuthn options, escaped for the script element.
    options: String,
    name: String,
    errors: FormErrors,
}

/// The page with a new ceremony begun (each showing begins its own), or the refusal.
async fn page(
    me: &SignedIn,
    session: &Session,
    layout: Layout,
    name: String,
    mut errors: FormErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (options, status) = match me.services().start_adding_passkey(&me.user).await? {
        Ok(started) => {
            keep_passkey_ceremony(session, &started.ceremony)?;
            (started.options, status)
        }
        Err(refused) => {
            let (status, message) = refusal(&refused, layout.lang);
            errors = FormErrors::general(&message);
            ("{}".to_owned(), status)
        }
    };
    render(
        status,
        &NewPasskeyPage {
            layout,
            options,
            name,
            errors,
        },
    )
}

pub async fn new_passkey_form(
    me: SignedIn,
    session: Session,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    page(
        &me,
        &session,
        layout,
        String::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
pub struct NewPasskeyForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    credential: String,
}

#[tracing::instrument(name = "Add a passkey", skip_all, fields(user_id = me.user.id))]
pub async fn add_passkey(
    me: SignedIn,
    session: Session,
    form: web::Form<NewPasskeyForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let ceremony = take_passkey_ceremony(&session);
    let name = match parse_name(&form.name) {
        Ok(name) => name,
        Err(problem) => {
            let mut errors = FormErrors::default();
            errors.add("name", problem.say(layout.lang));
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return page(&me, &session, layout, form.name.clone(), errors, status).await;
        }
    };
    let answered = match (ceremony, credential_text(&form.credential)) {
        (Some(ceremony), Some(credential)) => {
            me.services()
                .finish_adding_passkey(&me.user, ceremony, &name, credential, &me.origin)
                .await?
        }
        _ => Err(AddRefusal::NotAccepted),
    };
    match answered {
        Ok(FactorOn::Enabled {
            first_codes: Some(codes),
        }) => show_first_codes(
            &me.state,
            &session,
            me.user.id,
            &codes,
            None,
            Proof::Passkey,
        ),
        Ok(_) => Ok(see_other("/account/security?notice=passkey-added")),
        Err(refused) => {
            let (status, message) = refusal(&refused, layout.lang);
            let errors = FormErrors::general(&message);
            page(&me, &session, layout, name, errors, status).await
        }
    }
}

/// "Remove the passkey …?": asked where a removal interrupted by the password question
/// comes back to (the settings' "Remove" posts at once).
pub async fn remove_passkey_form(
    me: SignedIn,
    path: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner().0;
    let passkeys = me.services().passkeys(me.user.id).await?;
    let Some(passkey) = passkeys.iter().find(|p| p.id == id) else {
        return Ok(see_other(PASSKEYS_SECTION));
    };
    let mut consequences = vec![
        layout
            .tr("account-remove-passkey-consequence")
            .arg("name", &passkey.name)
            .to_string(),
    ];
    if passkeys.len() == 1 {
        let (requirement, methods) = me.services().policy_of(&me.user).await?;
        let required_active = requirement.is_required()
            && me.user.method() == Some(crate::domain::factors::FactorMethod::Passkey);
        if required_active || methods.passkeys_only() {
            return Ok(see_other(PASSKEYS_SECTION));
        }
        consequences.push(layout.lang.t("account-last-passkey-consequence"));
    }
    ConfirmChange {
        title: layout
            .tr("account-remove-passkey-title")
            .arg("name", &passkey.name)
            .to_string(),
        consequences,
        action: format!("/account/security/passkeys/{id}/remove"),
        button: layout.lang.t("account-remove"),
        layout,
        danger: true,
        cancel: PASSKEYS_SECTION.into(),
    }
    .respond()
}

#[tracing::instrument(name = "Remove a passkey", skip_all, fields(user_id = me.user.id))]
pub async fn remove_passkey(me: SignedIn, path: web::Path<Id>) -> Result<HttpResponse, AppError> {
    match me
        .services()
        .remove_passkey(&me.user, path.into_inner().0, &me.origin)
        .await?
    {
        Ok(()) => Ok(see_other("/account/security?notice=passkey-removed")),
        // Not this person's passkey (or gone already): nothing to say about anyone else's.
        Err(RemoveRefusal::NotConfigured) => Ok(see_other(PASSKEYS_SECTION)),
        Err(RemoveRefusal::Required) => Err(AppError::Forbidden("account-last-passkey-two-step")),
        Err(RemoveRefusal::PasskeysOnly) => Err(AppError::Forbidden(LAST_PASSKEY_STAYS)),
    }
}
