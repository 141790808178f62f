//! Applications (`/admin/applications`): the applications that sign their users in through
//! Twostep (OpenID Connect clients). Platform administrators add them, edit them, and,
//! after a question and their password given in the last 10 minutes, give one a new secret
//! or delete it. A client secret is shown once, on the page that answers the change that
//! made it, and stored only as its hash.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::users::recent_password;
use super::{Section, sections};
use crate::db::applications::Application;
use crate::db::rooms::Room;
use crate::domain::language::Language;
use crate::services::admin::Actor;
use crate::services::applications::{ApplicationInput, ApplicationRefusal, ApplicationSettings};
use crate::web::confirmation::ConfirmChange;
use crate::web::errors::AppError;
use crate::web::forms::FormErrors;
use crate::web::ids::Id;
use crate::web::layout::Layout;
use crate::web::request::SignedIn;
use crate::web::responses::{render, see_other};
use crate::web::session::{leave_notice, take_notice};

const HOME: &str = "/admin/applications";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/applications").route(web::get().to(applications_page)))
        .service(
            web::resource("/applications/new")
                .wrap(from_fn(recent_password))
                .route(web::get().to(new_application_form))
                .route(web::post().to(add_application)),
        )
        .service(
            web::resource("/applications/{id}/edit")
                .wrap(from_fn(recent_password))
                .route(web::get().to(edit_application_form))
                .route(web::post().to(save_application)),
        )
        .service(
            web::resource("/applications/{id}/new-secret")
                .wrap(from_fn(recent_password))
                .route(web::get().to(confirm_new_secret))
                .route(web::post().to(new_secret)),
        )
        .service(
            web::resource("/applications/{id}/delete")
                .wrap(from_fn(recent_password))
                .route(web::get().to(confirm_delete))
                .route(web::post().to(delete_application)),
        );
}

/// The longest address accepted in a list of URIs, and the longest list as typed: a
/// browser sends nothing longer, and a page never has to show more.
const URI_MAX: usize = 2_000;
const URI_LIST_MAX: usize = 20 * (URI_MAX + 2);

/// What an application needs to know of Twostep: the issuer and its discovery document.
pub struct Endpoints {
    pub issuer: String,
    pub discovery: String,
}

impl Endpoints {
    fn of(me: &SignedIn) -> Self {
        let issuer = me
            .state
            .settings
            .public_url
            .as_str()
            .trim_end_matches('/')
            .to_owned();
        Self {
            discovery: format!("{issuer}/.well-known/openid-configuration"),
            issuer,
        }
    }
}

/// An application's row in the list.
pub struct Row {
    pub application: Application,
    /// The data room's name, when the application is tied to one.
    pub room: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/applications.html")]
struct ApplicationsPage {
    layout: Layout,
    sections: Vec<Section>,
    rows: Vec<Row>,
    endpoints: Endpoints,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

/// The confirmation the address names (`?done=saved`), in `language`.
fn done_text(done: &str, language: Language) -> Option<String> {
    match done {
        "saved" => Some(language.t("apps-done-saved")),
        "deleted" => Some(language.t("apps-done-deleted")),
        _ => None,
    }
}

async fn applications_page(
    me: SignedIn,
    session: Session,
    query: web::Query<DoneQuery>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let services = me.services();
    let rooms = services.managed_rooms(&me.user).await?;
    let rows = services
        .list_applications()
        .await?
        .into_iter()
        .map(|application| Row {
            room: application.room_id.and_then(|id| {
                rooms
                    .iter()
                    .find(|room| room.id == id)
                    .map(|room| room.name.clone())
            }),
            application,
        })
        .collect();
    // The notice that names the application ("CRM was deleted.") when the change left
    // one, else the plain one the address names.
    let notice =
        done_text(&query.done, layout.lang).map(|plain| take_notice(&session).unwrap_or(plain));
    render(
        StatusCode::OK,
        &ApplicationsPage {
            layout,
            sections: sections(HOME),
            rows,
            endpoints: Endpoints::of(&me),
            notice,
        },
    )
}

/// The application form as typed.
#[derive(Deserialize, Default)]
pub struct ApplicationForm {
    #[serde(default)]
    name: String,
    /// One a line.
    #[serde(default)]
    redirect_uris: String,
    #[serde(default)]
    post_logout_uris: String,
    /// "confidential" or "public" (only when adding).
    #[serde(default)]
    client_type: String,
    require_two_step: Option<String>,
    /// A room's id, or empty for none.
    #[serde(default)]
    room_id: String,
}

const CONFIDENTIAL: &str = "confidential";
const PUBLIC: &str = "public";

impl ApplicationForm {
    fn blank() -> Self {
        Self {
            client_type: CONFIDENTIAL.into(),
            ..Self::default()
        }
    }

    fn of(application: &Application) -> Self {
        Self {
            name: application.name.clone(),
            redirect_uris: application.redirect_uris().join("\n"),
            post_logout_uris: application.post_logout_uris().join("\n"),
            client_type: if application.is_public() {
                PUBLIC
            } else {
                CONFIDENTIAL
            }
            .into(),
            require_two_step: application.requires_two_step().then(|| "yes".to_owned()),
            room_id: application
                .room_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        }
    }

    /// True when `room` is the one chosen (for the select).
    fn chose(&self, room: &i64) -> bool {
        self.room_id.trim() == room.to_string()
    }

    /// The settings, or every problem with what was typed. `public` is the client type
    /// when the form does not choose it (editing keeps the type).
    fn parse(
        &self,
        public: Option<bool>,
        language: Language,
    ) -> Result<ApplicationSettings, FormErrors> {
        let mut errors = FormErrors::default();
        let public = match public {
            Some(public) => Some(public),
            None => match self.client_type.as_str() {
                CONFIDENTIAL => Some(false),
                PUBLIC => Some(true),
                _ => {
                    errors.add("client_type", language.t("apps-choose-type"));
                    None
                }
            },
        };
        let room_id = match self.room_id.trim() {
            "" => None,
            typed => match typed.parse::<i64>() {
                Ok(id) if id > 0 => Some(id),
                _ => {
                    errors.add("room_id", language.t("apps-choose-room"));
                    None
                }
            },
        };
        let too_long = |text: &str| {
            text.chars().count() > URI_LIST_MAX || text.lines().any(|l| l.trim().len() > URI_MAX)
        };
        let mut long = false;
        for (field, text) in [
            ("redirect_uris", &self.redirect_uris),
            ("post_logout_uris", &self.post_logout_uris),
        ] {
            if too_long(text) {
                errors.add(field, language.t("apps-too-long"));
                long = true;
            }
        }
        let input = ApplicationInput {
            name: &self.name,
            redirect_uris: if long { "" } else { &self.redirect_uris },
            post_logout_uris: if long { "" } else { &self.post_logout_uris },
            public: public.unwrap_or(false),
            require_two_step: self.require_two_step.is_some(),
            room_id,
        };
        let parsed = input.parse();
        if let Err(problems) = &parsed {
            for (field, problem) in problems {
                // An address list too long to read is said once, above.
                if !(long && field.ends_with("uris")) {
                    errors.add(field, problem.say(language));
                }
            }
        }
        match parsed {
            Ok(settings) if errors.is_empty() => Ok(settings),
            _ => Err(errors),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/application_form.html")]
struct FormPage {
    layout: Layout,
    sections: Vec<Section>,
    title: String,
    action: String,
    /// "Add application" or "Save".
    button: String,
    form: ApplicationForm,
    rooms: Vec<Room>,
    /// Editing: the application as stored, whose type and client ID the form cannot change.
    editing: Option<Application>,
    endpoints: Endpoints,
    errors: FormErrors,
}

impl FormPage {
    fn respond(&self) -> Result<HttpResponse, AppError> {
        let status = if self.errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render(status, self)
    }
}

async fn add_form(
    me: &SignedIn,
    layout: Layout,
    form: ApplicationForm,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    FormPage {
        sections: sections(HOME),
        title: layout.lang.t("apps-add"),
        action: format!("{HOME}/new"),
        button: layout.lang.t("apps-add"),
        form,
        rooms: me.services().managed_rooms(&me.user).await?,
        editing: None,
        endpoints: Endpoints::of(me),
        errors,
        layout,
    }
    .respond()
}

async fn new_application_form(me: SignedIn, layout: Layout) -> Result<HttpResponse, AppError> {
    add_form(&me, layout, ApplicationForm::blank(), FormErrors::default()).await
}

/// The page that shows a secret once: after adding an application, or a new secret.
#[derive(Template)]
#[template(path = "admin/application_secret.html")]
struct SecretPage {
    layout: Layout,
    sections: Vec<Section>,
    title: String,
    application: Application,
    /// None for a public client.
    secret: Option<String>,
    /// The secret replaces one (Generate new secret).
    renewed: bool,
    endpoints: Endpoints,
}

/// The refusal of a data room that is gone, said beside the select.
fn no_such_room(language: Language) -> FormErrors {
    let mut errors = FormErrors::default();
    errors.add("room_id", language.t("apps-room-gone"));
    errors
}

#[tracing::instrument(name = "Add an application", skip_all)]
async fn add_application(
    me: SignedIn,
    form: web::Form<ApplicationForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let settings = match form.parse(None, layout.lang) {
        Ok(settings) => settings,
        Err(errors) => return add_form(&me, layout, form, errors).await,
    };
    match me
        .services()
        .create_application(Actor::Admin(&me.user), &settings, &me.origin)
        .await?
    {
        Ok(created) => render(
            StatusCode::OK,
            &SecretPage {
                sections: sections(HOME),
                title: layout
                    .tr("apps-added-title")
                    .arg("name", &created.application.name)
                    .to_string(),
                application: created.application,
                secret: created.secret,
                renewed: false,
                endpoints: Endpoints::of(&me),
                layout,
            },
        ),
        Err(ApplicationRefusal::NoSuchRoom) => {
            let errors = no_such_room(layout.lang);
            add_form(&me, layout, form, errors).await
        }
        Err(refusal) => Err(refused(refusal)),
    }
}

/// The application named in the path, or 404.
async fn application(me: &SignedIn, id: i64) -> Result<Application, AppError> {
    me.services()
        .find_application(id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_form(
    me: &SignedIn,
    layout: Layout,
    application: Application,
    form: ApplicationForm,
    errors: FormErrors,
) -> Result<HttpResponse, AppError> {
    FormPage {
        sections: sections(HOME),
        title: layout
            .tr("apps-edit-title")
            .arg("name", &application.name)
            .to_string(),
        action: format!("{HOME}/{}/edit", application.id),
        button: layout.lang.t("apps-save"),
        form,
        rooms: me.services().managed_rooms(&me.user).await?,
        editing: Some(application),
        endpoints: Endpoints::of(me),
        errors,
        layout,
    }
    .respond()
}

async fn edit_application_form(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let application = application(&me, id.into_inner().0).await?;
    let form = ApplicationForm::of(&application);
    edit_form(&me, layout, application, form, FormErrors::default()).await
}

#[tracing::instrument(name = "Save an application", skip_all)]
async fn save_application(
    me: SignedIn,
    session: Session,
    id: web::Path<Id>,
    form: web::Form<ApplicationForm>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let application = application(&me, id.into_inner().0).await?;
    let mut form = form.into_inner();
    // The type is not the form's to change: shown as it is, whatever was sent.
    form.client_type = ApplicationForm::of(&application).client_type;
    let settings = match form.parse(Some(application.is_public()), layout.lang) {
        Ok(settings) => settings,
        Err(errors) => return edit_form(&me, layout, application, form, errors).await,
    };
    match me
        .services()
        .edit_application(
            Actor::Admin(&me.user),
            application.id,
            &settings,
            &me.origin,
        )
        .await?
    {
        Ok(()) => {
            leave_notice(
                &session,
                layout
                    .tr("apps-notice-saved")
                    .arg("name", &settings.name)
                    .to_string(),
            )?;
            Ok(see_other(&format!("{HOME}?done=saved")))
        }
        Err(ApplicationRefusal::NoSuchRoom) => {
            let errors = no_such_room(layout.lang);
            edit_form(&me, layout, application, form, errors).await
        }
        Err(refusal) => Err(refused(refusal)),
    }
}

/// A refused change as the error page says it.
fn refused(refusal: ApplicationRefusal) -> AppError {
    match refusal {
        ApplicationRefusal::NotFound => AppError::NotFound,
        ApplicationRefusal::NoSuchRoom => AppError::Invalid("apps-refused-room-gone"),
        ApplicationRefusal::PublicClient => AppError::Conflict("apps-public-no-secret"),
    }
}

/// "Generate a new secret for CRM?": what stops working, before it does.
async fn confirm_new_secret(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let application = application(&me, id.into_inner().0).await?;
    if application.is_public() {
        return Err(refused(ApplicationRefusal::PublicClient));
    }
    let name = &application.name;
    ConfirmChange {
        title: layout.tr("apps-renew-title").arg("name", name).to_string(),
        consequences: vec![
            layout.tr("apps-renew-stops").arg("name", name).to_string(),
            layout.lang.t("apps-renew-shown-once"),
        ],
        button: layout.lang.t("apps-new-secret"),
        layout,
        action: format!("{HOME}/{}/new-secret", application.id),
        danger: true,
        cancel: HOME.into(),
    }
    .respond()
}

#[tracing::instrument(name = "Renew an application's secret", skip_all)]
async fn new_secret(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let application = application(&me, id.into_inner().0).await?;
    let secret = me
        .services()
        .renew_application_secret(Actor::Admin(&me.user), application.id, &me.origin)
        .await?
        .map_err(refused)?;
    render(
        StatusCode::OK,
        &SecretPage {
            sections: sections(HOME),
            title: layout
                .tr("apps-new-secret-title")
                .arg("name", &application.name)
                .to_string(),
            application,
            secret: Some(secret),
            renewed: true,
            endpoints: Endpoints::of(&me),
            layout,
        },
    )
}

/// "Delete CRM?": what ends with it, before it does.
async fn confirm_delete(
    me: SignedIn,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let application = application(&me, id.into_inner().0).await?;
    let name = &application.name;
    let ends = if application.is_public() {
        "apps-delete-public"
    } else {
        "apps-delete-confidential"
    };
    ConfirmChange {
        title: layout.tr("apps-delete-title").arg("name", name).to_string(),
        consequences: vec![
            layout.tr(ends).arg("name", name).to_string(),
            layout
                .tr("apps-delete-signed-in")
                .arg("name", name)
                .to_string(),
            layout.lang.t("apps-delete-final"),
        ],
        button: layout.lang.t("apps-delete-button"),
        layout,
        action: format!("{HOME}/{}/delete", application.id),
        danger: true,
        cancel: HOME.into(),
    }
    .respond()
}

#[tracing::instrument(name = "Delete an application", skip_all)]
async fn delete_application(
    me: SignedIn,
    session: Session,
    id: web::Path<Id>,
    layout: Layout,
) -> Result<HttpResponse, AppError> {
    let application = application(&me, id.into_inner().0).await?;
    me.services()
        .delete_application(Actor::Admin(&me.user), application.id, &me.origin)
        .await?
        .map_err(refused)?;
    leave_notice(
        &session,
        layout
            .tr("apps-notice-deleted")
            .arg("name", &application.name)
            .to_string(),
    )?;
    Ok(see_other(&format!("{HOME}?done=deleted")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(uris: &str) -> ApplicationForm {
        ApplicationForm {
            name: "CRM".into(),
            redirect_uris: uris.into(),
            ..ApplicationForm::blank()
        }
    }

    #[test]
    fn the_form_says_what_is_wrong_with_each_field() {
        let Ok(settings) = form("https://crm.example.com/cb\n\nhttp://localhost:8080/cb\n")
            .parse(None, Language::English)
        else {
            panic!("the form is refused");
        };
        assert_eq!(
            settings.redirect_uris,
            ["https://crm.example.com/cb", "http://localhost:8080/cb"]
        );
        assert!(!settings.public);

        let mut bad = form("crm.example.com/cb");
        bad.name = String::new();
        bad.client_type = "secret".into();
        bad.room_id = "abc".into();
        let Err(errors) = bad.parse(None, Language::English) else {
            panic!("the form is accepted");
        };
        for field in ["name", "redirect_uris", "client_type", "room_id"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
        // Editing keeps the type whatever was sent.
        bad.client_type = "secret".into();
        let Err(errors) = bad.parse(Some(true), Language::English) else {
            panic!("the form is accepted");
        };
        assert!(errors.for_field("client_type").is_none());
    }

    #[test]
    fn an_oversized_list_is_refused_once() {
        let long = format!("https://crm.example.com/{}", "a".repeat(URI_MAX));
        let Err(errors) = form(&long).parse(None, Language::English) else {
            panic!("the form is accepted");
        };
        assert_eq!(errors.all().len(), 1);
        assert_eq!(
            errors.for_field("redirect_uris"),
            Some(Language::English.t("apps-too-long").as_str())
        );
        let many = "https://crm.example.com/cb\n".repeat(2_000);
        assert!(form(&many).parse(None, Language::English).is_err());
    }
}
