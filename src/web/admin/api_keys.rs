//! API keys (`/admin/api-keys`): the keys scripts present to `/api/v1`, with their scopes,
//! expiry, last use and status. Making one and revoking one ask for the password given in
//! the last 10 minutes; a new key is shown once, on the page that answers its creation
//! (never stored by the browser: every page is `Cache-Control: no-store`).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::users::recent_password;
use super::{Section, sections};
use crate::domain::api_keys::{KeySettings, Scope, Scopes};
use crate::domain::language::Language;
use crate::services::admin::Actor;
use crate::services::api_keys::{ApiKeyInfo, ApiKeyRefusal, KeyStatus};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::parts::devices::{When, when};
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{leave_notice, take_notice};

const HOME: &str = "/admin/api-keys";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/api-keys").route(web::get().to(keys_page)))
        .service(
            web::resource("/api-keys/new")
                .wrap(from_fn(recent_password))
                .route(web::get().to(new_key_form))
                .route(web::post().to(create_key)),
        )
        .service(
            web::resource("/api-keys/{id}/revoke")
                .wrap(from_fn(recent_password))
                .route(web::get().to(confirm_revoke))
                .route(web::post().to(revoke_key)),
        );
}

/// The scope's message id: what it lets a script do.
fn scope_label(scope: Scope) -> &'static str {
    match scope {
        Scope::UsersRead => "keys-scope-users-read",
        Scope::UsersWrite => "keys-scope-users-write",
        Scope::GroupsWrite => "keys-scope-groups-write",
        Scope::RoomsWrite => "keys-scope-rooms-write",
        Scope::AuditRead => "keys-scope-audit-read",
    }
}

/// A key's row in the list.
struct Row {
    id: i64,
    name: String,
    /// As scripts spell them.
    scopes: Vec<&'static str>,
    created: When,
    /// Who made it: an administrator's email, or `None` from the command line.
    created_by: Option<String>,
    expires: Option<When>,
    last_used: Option<When>,
    status: KeyStatus,
}

impl Row {
    fn of(key: ApiKeyInfo, now: i64) -> Self {
        Self {
            status: key.status(now),
            id: key.id,
            scopes: key.scopes.iter().map(Scope::as_str).collect(),
            created: when(key.created_at),
            created_by: key.created_by_email,
            expires: key.expires_at.map(when),
            last_used: key.last_used_at.map(when),
            name: key.name,
        }
    }

    fn active(&self) -> bool {
        self.status == KeyStatus::Active
    }

    /// The status's tag kind and message id.
    fn status_tag(&self) -> (&'static str, &'static str) {
        match self.status {
            KeyStatus::Active => ("on", "keys-status-active"),
            KeyStatus::Expired => ("off", "keys-status-expired"),
            KeyStatus::Revoked => ("off", "keys-status-revoked"),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/api_keys.html")]
struct KeysPage {
    layout: Layout,
    sections: Vec<Section>,
    rows: Vec<Row>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn keys_page(
    me: SignedIn,
    session: Session,
    query: web::Query<DoneQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let now = me.state.clock.now();
    let rows = me
        .services()
        .api_keys()
        .await?
        .into_iter()
        .map(|key| Row::of(key, now))
        .collect();
    // The notice naming the key revoked, when the revocation left one.
    let notice = (query.done == "revoked")
        .then(|| take_notice(&session).unwrap_or_else(|| layout.lang.t("keys-done-revoked")));
    render(
        StatusCode::OK,
        &KeysPage {
            layout,
            sections: sections(HOME),
            rows,
            notice,
        },
    )
}

/// How long a new key works, as the form offers it.
const EXPIRIES: [(&str, Option<i64>, &str); 4] = [
    ("30", Some(30), "keys-expires-30-days"),
    ("90", Some(90), "keys-expires-90-days"),
    ("365", Some(365), "keys-expires-1-year"),
    ("never", None, "keys-expires-never"),
];

/// The form as typed: `name`, `expires` and any number of `scopes`.
struct KeyForm {
    name: String,
    scopes: Vec<String>,
    expires: String,
}

impl KeyForm {
    fn blank() -> Self {
        Self {
            name: String::new(),
            scopes: Vec::new(),
            expires: "90".into(),
        }
    }

    /// Reads the fields sent (a checkbox sends its name once for each box ticked); others
    /// are ignored.
    fn of(fields: Vec<(String, String)>) -> Self {
        let mut form = Self {
            expires: String::new(),
            ..Self::blank()
        };
        for (name, value) in fields {
            match name.as_str() {
                "name" => form.name = value,
                "scopes" => form.scopes.push(value),
                "expires" => form.expires = value,
                _ => {}
            }
        }
        form
    }

    fn ticked(&self, scope: &Scope) -> bool {
        self.scopes.iter().any(|s| s == scope.as_str())
    }

    /// The checked settings, or every problem, each beside its field.
    fn parse(&self, language: Language) -> Result<KeySettings, FormErrors> {
        let expires = EXPIRIES
            .iter()
            .find(|(value, _, _)| *value == self.expires.trim());
        let parsed = KeySettings::parse(&self.name, &self.scopes, expires.and_then(|e| e.1));
        let mut errors = FormErrors::default();
        if let Err(problems) = &parsed {
            for problem in problems {
                errors.add(problem.field(), language.t(problem.message_id()));
            }
        }
        if expires.is_none() {
            errors.add("expires", language.t("keys-expiry-choose"));
        }
        match parsed {
            Ok(settings) if errors.is_empty() => Ok(settings),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/api_key_form.html")]
struct FormPage {
    layout: Layout,
    sections: Vec<Section>,
    form: KeyForm,
    scopes: [Scope; 5],
    expiries: [(&'static str, Option<i64>, &'static str); 4],
    errors: FormErrors,
}

impl FormPage {
    /// What `scope` lets a script do, in the page's language.
    fn scope_hint(&self, scope: &Scope) -> String {
        self.layout.lang.t(scope_label(*scope))
    }
}

fn form_page(layout: Layout, form: KeyForm, errors: FormErrors) -> Result<HttpResponse, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        status,
        &FormPage {
            layout,
            sections: sections(HOME),
            form,
            scopes: Scope::ALL,
            expiries: EXPIRIES,
            errors,
        },
    )
}

async fn new_key_form(layout: Layout) -> Result<HttpResponse, AppError> {
    form_page(layout, KeyForm::blank(), FormErrors::default())
}

/// The page that shows a new key, once.
#[derive(Template)]
#[template(path = "admin/api_key_created.html")]
struct CreatedPage {
    layout: Layout,
    sections: Vec<Section>,
    name: String,
    key: String,
    scopes: Scopes,
    expires: Option<When>,
}

#[tracing::instrument(name = "Create an API key", skip_all)]
async fn create_key(
    me: SignedIn,
    fields: web::Form<Vec<(String, String)>>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let form = KeyForm::of(fields.into_inner());
    let settings = match form.parse(layout.lang) {
        Ok(settings) => settings,
        Err(errors) => return form_page(layout, form, errors),
    };
    match me
        .services()
        .create_api_key(Actor::Admin(&me.user), &settings, &me.origin)
        .await?
    {
        Ok(created) => render(
            StatusCode::OK,
            &CreatedPage {
                layout,
                sections: sections(HOME),
                name: created.info.name,
                key: created.key,
                scopes: created.info.scopes,
                expires: created.info.expires_at.map(when),
            },
        ),
        Err(ApiKeyRefusal::NameTaken) => {
            let mut errors = FormErrors::default();
            errors.add("name", layout.lang.t("keys-name-taken"));
            form_page(layout, form, errors)
        }
        Err(refusal) => Err(refused(refusal)),
    }
}

/// A refused change as the error page says it.
fn refused(refusal: ApiKeyRefusal) -> AppError {
    match refusal {
        ApiKeyRefusal::NotFound => AppError::NotFound,
        ApiKeyRefusal::AlreadyRevoked => AppError::Conflict("keys-refused-revoked"),
        ApiKeyRefusal::NameTaken => AppError::Conflict("keys-name-taken"),
    }
}

/// The key named in the path, or 404.
async fn key(me: &SignedIn, id: i64) -> Result<ApiKeyInfo, AppError> {
    me.services()
        .find_api_key(id)
        .await?
        .ok_or(AppError::NotFound)
}

/// "Revoke the API key “deploy-bot”?": what stops working, before it does.
async fn confirm_revoke(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let key = key(&me, id.into_inner().0).await?;
    if key.revoked_at.is_some() {
        return Err(refused(ApiKeyRefusal::AlreadyRevoked));
    }
    let name = &key.name;
    ConfirmChange {
        title: layout.tr("keys-revoke-title").arg("name", name).to_string(),
        consequences: vec![
            layout.tr("keys-revoke-stops").arg("name", name).to_string(),
            layout.lang.t("keys-revoke-final"),
        ],
        button: layout.lang.t("keys-revoke-button"),
        layout,
        action: format!("{HOME}/{}/revoke", key.id),
        danger: true,
        cancel: HOME.into(),
    }
    .respond()
}

#[tracing::instrument(name = "Revoke an API key", skip_all)]
async fn revoke_key(
    me: SignedIn,
    session: Session,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let revoked = me
        .services()
        .revoke_api_key(Actor::Admin(&me.user), id.into_inner().0, &me.origin)
        .await?
        .map_err(refused)?;
    leave_notice(
        &session,
        layout
            .tr("keys-notice-revoked")
            .arg("name", &revoked.name)
            .to_string(),
    )?;
    Ok(see_other(&format!("{HOME}?done=revoked")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[test]
    fn the_form_reads_every_scope_ticked_and_says_each_problem() {
        let form = KeyForm::of(fields(&[
            ("csrf_token", "x"),
            ("name", "deploy-bot"),
            ("scopes", "users:read"),
            ("scopes", "audit:read"),
            ("expires", "never"),
        ]));
        let Ok(settings) = form.parse(Language::English) else {
            panic!("the form is refused");
        };
        assert_eq!(
            settings.scopes,
            Scopes::of(&[Scope::UsersRead, Scope::AuditRead])
        );
        assert_eq!(settings.expires_days, None);
        assert!(form.ticked(&Scope::AuditRead) && !form.ticked(&Scope::UsersWrite));

        let bad = KeyForm::of(fields(&[("scopes", "root"), ("expires", "7")]));
        let errors = bad.parse(Language::English).unwrap_err();
        for field in ["name", "scopes", "expires"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
    }
}
