//! Passkeys and security keys over HTTP, with the test kit's software authenticator in the
//! place of the browser and its authenticator: adding one on My security settings, the
//! second step, signing in with a passkey alone, the attacks each ceremony must refuse,
//! many answers at once, removing one.
//!
//! Browsers make passkeys only for a site's name, so these portals are reached by
//! `http://localhost:{port}` (their public URL), while requests still go to 127.0.0.1.

use reqwest::Response;
use serde_json::Value;

use crate::helpers::{TestApp, csrf_token};
use crate::kit::authenticator::{SoftAuthenticator, options_on_page};

mod adding;
mod attacks;
mod elsewhere;
mod races;
mod removing;
mod signing_in;

/// Runs each named `async fn(TestApp)` once on SQLite and once on PostgreSQL, on a portal
/// named `localhost` (`TestApp::spawn_named`).
macro_rules! with_passkeys {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::Backend;

                #[tokio::test]
                async fn sqlite() {
                    let app = $crate::helpers::TestApp::spawn_named(Backend::Sqlite, |_| {})
                        .await
                        .unwrap();
                    super::$name(app).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = $crate::helpers::TestApp::spawn_named(Backend::Postgres, |_| {}).await {
                        super::$name(app).await;
                    }
                }
            }
        )*
    };
}
use with_passkeys;

pub const NEW_PAGE: &str = "/account/security/passkeys/new";
pub const ADD_ACTION: &str = "/account/security/passkeys";
pub const STEP_ACTION: &str = "/login/verify/passkey";
pub const SIGN_IN_PAGE: &str = "/login/passkey";

/// A page that asks for a passkey, as a browser got it.
pub struct PasskeyPage {
    pub status: u16,
    pub html: String,
    /// What `passkey-options` holds, for the authenticator.
    pub options: Value,
}

impl PasskeyPage {
    /// The CSRF token of its form.
    pub fn csrf(&self) -> String {
        csrf_token(&self.html)
    }
}

impl TestApp {
    /// The origin a browser at the public URL writes in its client data.
    pub fn passkey_origin(&self) -> String {
        self.address.replace("127.0.0.1", "localhost")
    }

    /// GET `path` in `browser`: a page holding passkey options.
    pub async fn passkey_page_in(&self, browser: &reqwest::Client, path: &str) -> PasskeyPage {
        let response = self.get_in(browser, path).await;
        let status = response.status().as_u16();
        let html = response.text().await.unwrap();
        let options = options_on_page(&html)
            .unwrap_or_else(|| panic!("{path} holds no passkey options ({status}):\n{html}"));
        PasskeyPage {
            status,
            html,
            options,
        }
    }

    /// Posts `fields` to `action` from `page` (with its CSRF token), in `browser`.
    pub async fn post_from_in(
        &self,
        browser: &reqwest::Client,
        page: &PasskeyPage,
        action: &str,
        fields: &[(&str, &str)],
    ) -> Response {
        let token = page.csrf();
        let mut form = vec![("csrf_token", token.as_str())];
        form.extend_from_slice(fields);
        browser
            .post(self.url(action))
            .form(&form)
            .send()
            .await
            .expect("POST")
    }

    /// "Add a passkey" in `browser`: the page, the authenticator's new credential for its
    /// options, "Create passkey" with `name`.
    pub async fn add_passkey_in(
        &self,
        browser: &reqwest::Client,
        authenticator: &mut SoftAuthenticator,
        name: &str,
    ) -> Response {
        let page = self.passkey_page_in(browser, NEW_PAGE).await;
        assert_eq!(page.status, 200, "{}", page.html);
        let credential = authenticator.register(&page.options, &self.passkey_origin());
        let credential = credential.to_string();
        let fields = [("name", name), ("credential", credential.as_str())];
        self.post_from_in(browser, &page, ADD_ACTION, &fields).await
    }

    /// "Add a passkey" in this app's browser.
    pub async fn add_passkey(&self, authenticator: &mut SoftAuthenticator, name: &str) -> Response {
        self.add_passkey_in(&self.client, authenticator, name).await
    }

    /// At the second step in `browser` (after the password): the passkey page, the
    /// authenticator's answer to its options, "Use a passkey".
    pub async fn use_passkey_in(
        &self,
        browser: &reqwest::Client,
        authenticator: &mut SoftAuthenticator,
    ) -> Response {
        let page = self.passkey_page_in(browser, "/login/verify").await;
        let credential = authenticator.authenticate(&page.options, &self.passkey_origin());
        let credential = credential.to_string();
        self.post_from_in(browser, &page, STEP_ACTION, &[("credential", &credential)])
            .await
    }

    /// "Sign in with a passkey" in `browser`: no email, no password.
    pub async fn sign_in_with_passkey_in(
        &self,
        browser: &reqwest::Client,
        authenticator: &mut SoftAuthenticator,
    ) -> Response {
        let page = self.passkey_page_in(browser, SIGN_IN_PAGE).await;
        assert_eq!(page.status, 200, "{}", page.html);
        let credential = authenticator.authenticate(&page.options, &self.passkey_origin());
        let credential = credential.to_string();
        self.post_from_in(browser, &page, SIGN_IN_PAGE, &[("credential", &credential)])
            .await
    }

    /// Another browser, signed in with the password and the passkey.
    pub async fn passkey_signed_in_browser(
        &self,
        email: &str,
        authenticator: &mut SoftAuthenticator,
    ) -> reqwest::Client {
        let (browser, step) = self.password_step_in_new_browser(email).await;
        crate::helpers::assert_redirect_to(&step, "/login/verify");
        let signed_in = self.use_passkey_in(&browser, authenticator).await;
        crate::helpers::assert_redirect_to(&signed_in, "/");
        browser
    }

    /// A user with a first passkey, added in a browser of their own (this app's browser
    /// is left as it was), their recovery codes saved; returns their id and authenticator.
    pub async fn create_passkey_user(&self, email: &str, name: &str) -> (i64, SoftAuthenticator) {
        let id = self.create_user(email, name, false).await;
        let browser = self.signed_in_browser(email).await;
        let mut authenticator = SoftAuthenticator::new();
        let added = self
            .add_passkey_in(&browser, &mut authenticator, "Laptop")
            .await;
        assert_eq!(
            crate::helpers::location_of(&added).as_deref(),
            Some("/account/security/recovery-codes/new")
        );
        (id, authenticator)
    }
}

/// What an attack must leave as it was: the passkeys, their counters and last uses, the
/// signed-in sessions.
#[derive(Debug, PartialEq, Eq)]
pub struct Stored {
    pub passkeys: i64,
    pub counters: i64,
    pub uses: i64,
    pub signed_in_sessions: i64,
}

impl TestApp {
    pub async fn stored(&self) -> Stored {
        Stored {
            passkeys: self.count("SELECT COUNT(*) FROM passkeys").await,
            counters: self
                .count("SELECT CAST(COALESCE(SUM(sign_count), 0) AS BIGINT) FROM passkeys")
                .await,
            uses: self
                .count("SELECT COUNT(*) FROM passkeys WHERE last_used_at IS NOT NULL")
                .await,
            signed_in_sessions: self
                .count("SELECT COUNT(*) FROM sessions WHERE user_id IS NOT NULL")
                .await,
        }
    }

    /// The sign counter stored for the passkeys of user `id` (their sum).
    pub async fn sign_count_of(&self, id: i64) -> i64 {
        self.count_where(
            "SELECT CAST(COALESCE(SUM(sign_count), 0) AS BIGINT) FROM passkeys WHERE user_id = $1",
            id,
        )
        .await
    }

    /// The detail of the newest audit event `event`.
    pub async fn last_detail(&self, event: &str) -> Option<String> {
        sqlx::query_scalar(
            "SELECT detail FROM audit_events WHERE event = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(event)
        .fetch_one(&self.db.pool)
        .await
        .unwrap()
    }
}

impl TestApp {
    /// The email to `to` whose subject is `subject` (waiting up to 10 s for the outbox):
    /// its whole text, headers and body.
    pub async fn email_about(&self, to: &str, subject: &str) -> String {
        let started = std::time::Instant::now();
        loop {
            let found = self.mailbox().into_iter().find(|mail| {
                mail.header("To").is_some_and(|t| t.contains(to))
                    && mail.header("Subject").as_deref() == Some(subject)
            });
            if let Some(mail) = found {
                return format!("{}\n{}", mail.data, mail.text());
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "no email to {to} about {subject:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}
