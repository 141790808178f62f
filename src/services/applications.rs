//! Registering the applications that sign in through Twostep (Applications in the control
//! center, `twostep client create`): each change audited in its transaction.

use subtle::ConstantTimeEq;

use super::Services;
use super::admin::Actor;
use crate::db::DbError;
use crate::db::applications::{
    Application, ApplicationRow, delete_application, find_application,
    find_application_by_client_id, insert_application, list_applications, replace_secret,
    update_application,
};
use crate::db::audit::{AuditEvent, EventKind, Origin};
use crate::db::rooms::find_room;
use crate::domain::language::Language;
use crate::domain::oidc::{UriProblem, parse_uris};
use crate::domain::tokens::{random_token, token_digest};

/// An application's settings as typed (the form, or the command line's flags).
pub struct ApplicationInput<'a> {
    pub name: &'a str,
    /// One a line.
    pub redirect_uris: &'a str,
    pub post_logout_uris: &'a str,
    pub public: bool,
    pub require_two_step: bool,
    pub room_id: Option<i64>,
}

/// Checked settings.
#[derive(Clone, Debug)]
pub struct ApplicationSettings {
    pub name: String,
    pub redirect_uris: Vec<String>,
    pub post_logout_uris: Vec<String>,
    pub public: bool,
    pub require_two_step: bool,
    pub room_id: Option<i64>,
}

/// Which field is wrong and why.
pub type FieldProblems = Vec<(&'static str, ApplicationProblem)>;

/// What is wrong with a field of an application's settings as typed.
#[derive(Debug)]
pub enum ApplicationProblem {
    NoName,
    LongName,
    NoRedirectUri,
    Uri(UriProblem),
}

impl ApplicationProblem {
    /// The problem in `language`, as the form says it.
    pub fn say(&self, language: Language) -> String {
        match self {
            Self::NoName => language.t("apps-name-missing"),
            Self::LongName => language.t("apps-name-too-long"),
            Self::NoRedirectUri => language.t("apps-redirect-uri-missing"),
            Self::Uri(problem) => problem.say(language),
        }
    }
}

/// In English: the command line's words.
impl std::fmt::Display for ApplicationProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Language::English))
    }
}

impl ApplicationInput<'_> {
    pub fn parse(&self) -> Result<ApplicationSettings, FieldProblems> {
        let mut problems = FieldProblems::new();
        let name = self.name.trim();
        if name.is_empty() {
            problems.push(("name", ApplicationProblem::NoName));
        } else if name.chars().count() > 100 || name.chars().any(char::is_control) {
            problems.push(("name", ApplicationProblem::LongName));
        }
        let redirect_uris = match parse_uris(self.redirect_uris) {
            Ok(uris) if uris.is_empty() => {
                problems.push(("redirect_uris", ApplicationProblem::NoRedirectUri));
                uris
            }
            Ok(uris) => uris,
            Err(problem) => {
                problems.push(("redirect_uris", ApplicationProblem::Uri(problem)));
                Vec::new()
            }
        };
        let post_logout_uris = match parse_uris(self.post_logout_uris) {
            Ok(uris) => uris,
            Err(problem) => {
                problems.push(("post_logout_uris", ApplicationProblem::Uri(problem)));
                Vec::new()
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(ApplicationSettings {
            name: name.to_owned(),
            redirect_uris,
            post_logout_uris,
            public: self.public,
            require_two_step: self.require_two_step,
            room_id: self.room_id,
        })
    }
}

/// Why a change to an application was not made.
#[derive(Debug, PartialEq, Eq)]
pub enum ApplicationRefusal {
    NotFound,
    /// The data room chosen does not exist.
    NoSuchRoom,
    /// A public client has no secret to renew.
    PublicClient,
}

/// A new application: its settings, and for a confidential client the secret, shown once.
pub struct Created {
    pub application: Application,
    pub secret: Option<String>,
}

impl ApplicationSettings {
    fn row(&self) -> ApplicationRow<'_> {
        ApplicationRow {
            name: &self.name,
            require_two_step: self.require_two_step,
            room_id: self.room_id,
            redirect_uris: &self.redirect_uris,
            post_logout_uris: &self.post_logout_uris,
        }
    }
}

/// What an audit event says of an application: "CRM (client id …)".
fn detail(application: &Application) -> String {
    format!("{} (client {})", application.name, application.client_id)
}

impl Services {
    fn application_event(
        &self,
        tx: &mut crate::db::Tx,
        kind: EventKind,
        actor: Actor<'_>,
        application: &Application,
        origin: &Origin,
    ) {
        let detail = detail(application);
        self.audit(
            tx,
            &AuditEvent {
                kind,
                actor_user_id: actor.user_id(),
                subject_user_id: None,
                origin,
                detail: Some(&detail),
            },
        );
    }

    async fn room_exists(&self, room_id: Option<i64>) -> Result<bool, DbError> {
        Ok(match room_id {
            Some(id) => find_room(&self.db.pool, id).await?.is_some(),
            None => true,
        })
    }

    pub async fn list_applications(&self) -> Result<Vec<Application>, DbError> {
        list_applications(&self.db.pool).await
    }

    pub async fn find_application(&self, id: i64) -> Result<Option<Application>, DbError> {
        find_application(&self.db.pool, id).await
    }

    pub async fn application_by_client_id(
        &self,
        client_id: &str,
    ) -> Result<Option<Application>, DbError> {
        // Client ids are tokens this portal made: anything else names none (and a NUL
        // byte would not even reach PostgreSQL's text).
        if !crate::domain::tokens::is_well_formed_token(client_id) {
            return Ok(None);
        }
        find_application_by_client_id(&self.db.pool, client_id).await
    }

    /// Registers an application. A confidential client gets a secret, returned once and
    /// stored only as its hash.
    pub async fn create_application(
        &self,
        actor: Actor<'_>,
        settings: &ApplicationSettings,
        origin: &Origin,
    ) -> Result<Result<Created, ApplicationRefusal>, DbError> {
        if !self.room_exists(settings.room_id).await? {
            return Ok(Err(ApplicationRefusal::NoSuchRoom));
        }
        let client_id = random_token();
        let secret = (!settings.public).then(random_token);
        let mut tx = self.db.begin().await?;
        let id = insert_application(
            &mut *tx,
            &client_id,
            secret.as_deref().map(token_digest).as_deref(),
            &settings.row(),
            self.clock.now(),
        )
        .await?;
        let application = find_application(&mut *tx, id)
            .await?
            .ok_or(DbError::RowNotFound)?;
        self.application_event(
            &mut tx,
            EventKind::ApplicationAdded,
            actor,
            &application,
            origin,
        );
        tx.commit().await?;
        Ok(Ok(Created {
            application,
            secret,
        }))
    }

    /// Saves an application's settings (its type and secret stay).
    pub async fn edit_application(
        &self,
        actor: Actor<'_>,
        id: i64,
        settings: &ApplicationSettings,
        origin: &Origin,
    ) -> Result<Result<(), ApplicationRefusal>, DbError> {
        if !self.room_exists(settings.room_id).await? {
            return Ok(Err(ApplicationRefusal::NoSuchRoom));
        }
        let mut tx = self.db.begin().await?;
        if !update_application(&mut *tx, id, &settings.row(), self.clock.now()).await? {
            return Ok(Err(ApplicationRefusal::NotFound));
        }
        let application = find_application(&mut *tx, id)
            .await?
            .ok_or(DbError::RowNotFound)?;
        self.application_event(
            &mut tx,
            EventKind::ApplicationChanged,
            actor,
            &application,
            origin,
        );
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// A new secret for a confidential client; the old one stops working at once.
    pub async fn renew_application_secret(
        &self,
        actor: Actor<'_>,
        id: i64,
        origin: &Origin,
    ) -> Result<Result<String, ApplicationRefusal>, DbError> {
        let secret = random_token();
        let mut tx = self.db.begin().await?;
        let Some(application) = find_application(&mut *tx, id).await? else {
            return Ok(Err(ApplicationRefusal::NotFound));
        };
        if !replace_secret(&mut *tx, id, &token_digest(&secret), self.clock.now()).await? {
            return Ok(Err(ApplicationRefusal::PublicClient));
        }
        self.application_event(
            &mut tx,
            EventKind::ApplicationSecretRenewed,
            actor,
            &application,
            origin,
        );
        tx.commit().await?;
        Ok(Ok(secret))
    }

    /// Deletes an application: its codes and tokens stop working with it.
    pub async fn delete_application(
        &self,
        actor: Actor<'_>,
        id: i64,
        origin: &Origin,
    ) -> Result<Result<(), ApplicationRefusal>, DbError> {
        let mut tx = self.db.begin().await?;
        let Some(application) = find_application(&mut *tx, id).await? else {
            return Ok(Err(ApplicationRefusal::NotFound));
        };
        delete_application(&mut *tx, id).await?;
        self.application_event(
            &mut tx,
            EventKind::ApplicationDeleted,
            actor,
            &application,
            origin,
        );
        tx.commit().await?;
        Ok(Ok(()))
    }
}

/// True when `secret` is the application's; compared as digests, in constant time. A
/// public client has no secret and never matches.
pub fn secret_matches(application: &Application, secret: &str) -> bool {
    let Some(stored) = application.secret_hash.as_deref() else {
        return false;
    };
    token_digest(secret)
        .as_bytes()
        .ct_eq(stored.as_bytes())
        .into()
}
