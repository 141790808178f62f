//! Applications (OpenID Connect clients) as an administrator registers them.

use twostep::db::applications::Application;
use twostep::services::admin::Actor;
use twostep::services::applications::ApplicationInput;

use super::{Kit, command_line};

/// What an application is registered with.
pub struct NewApplication<'a> {
    pub name: &'a str,
    pub redirect_uris: &'a [&'a str],
    pub post_logout_uris: &'a [&'a str],
    pub public: bool,
    pub require_two_step: bool,
    pub room_id: Option<i64>,
}

impl<'a> NewApplication<'a> {
    /// A confidential client with one redirect URI.
    pub fn confidential(name: &'a str, redirect_uris: &'a [&'a str]) -> Self {
        Self {
            name,
            redirect_uris,
            post_logout_uris: &[],
            public: false,
            require_two_step: false,
            room_id: None,
        }
    }
}

impl Kit<'_> {
    /// Registers an application as `twostep client create` does; the application and its
    /// secret (none for a public client).
    pub async fn create_application(
        &self,
        new: &NewApplication<'_>,
    ) -> (Application, Option<String>) {
        let settings = ApplicationInput {
            name: new.name,
            redirect_uris: &new.redirect_uris.join("\n"),
            post_logout_uris: &new.post_logout_uris.join("\n"),
            public: new.public,
            require_two_step: new.require_two_step,
            room_id: new.room_id,
        }
        .parse()
        .expect("valid application settings");
        let created = self
            .services
            .create_application(Actor::CommandLine, &settings, &command_line())
            .await
            .unwrap()
            .expect("the room exists");
        (created.application, created.secret)
    }
}
