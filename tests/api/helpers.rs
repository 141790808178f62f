//! The test harness: each test gets its own database (a temp SQLite file, or a fresh
//! PostgreSQL database named by a UUID), its own port, and a client with cookies on and
//! redirects off.

use std::path::Path;
use std::sync::Arc;

use actix_web::web::Data;
use reqwest::Response;
use reqwest::cookie::{CookieStore, Jar};
use sqlx::Row;
use twostep::clock::Clock;
use twostep::config::Settings;
use twostep::db::Db;
use twostep::startup::Application;
use twostep::web::state::AppState;

use crate::kit::Kit;
use crate::kit::mail::link_in_eml;

pub const POSTGRES_URL_VAR: &str = "TWOSTEP_TEST_POSTGRES_URL";
pub const REQUIRE_POSTGRES_VAR: &str = "TWOSTEP_REQUIRE_POSTGRES";

/// A password zxcvbn accepts, used for seeded users.
pub const GOOD_PASSWORD: &str = "violet kettle sings at dawn";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub address: String,
    pub clock: Clock,
    /// The Twilio stand-in every test app sends its codes to.
    pub sms: crate::standins::StandIn,
    pub db: Db,
    /// The running portal's shared state: the kit makes test data through its use cases.
    pub state: Data<AppState>,
    pub client: reqwest::Client,
    pub jar: Arc<Jar>,
    pub setup_link: Option<String>,
    pub database_url: String,
    /// Where `/metrics` is served alone, when the test set `metrics_bind`.
    pub metrics_address: Option<String>,
    /// Holds the temp directory (SQLite file, secret key) until the test ends.
    _data_dir: tempfile::TempDir,
}

/// Creates a fresh database for one test and returns its URL, or `None` when PostgreSQL
/// is not configured (allowed locally, refused when `TWOSTEP_REQUIRE_POSTGRES` is set).
/// Each is a copy of a database migrated once per test process: a copied SQLite file, or
/// `CREATE DATABASE … TEMPLATE` on PostgreSQL.
pub async fn fresh_database_url(backend: Backend, dir: &Path) -> Option<String> {
    match backend {
        Backend::Sqlite => {
            let template = sqlite_template().await;
            let path = dir.join("twostep.db");
            std::fs::copy(template, &path).expect("copying the migrated SQLite template");
            Some(format!("sqlite://{}", path.display()))
        }
        Backend::Postgres => {
            let Ok(admin_url) = std::env::var(POSTGRES_URL_VAR) else {
                assert!(
                    std::env::var(REQUIRE_POSTGRES_VAR).is_err(),
                    "{REQUIRE_POSTGRES_VAR} is set but {POSTGRES_URL_VAR} is not"
                );
                eprintln!(
                    "\n*** SKIPPED on PostgreSQL: set {POSTGRES_URL_VAR}=postgres://postgres@127.0.0.1:5432/postgres to run it ***\n"
                );
                return None;
            };
            let template = postgres_template(&admin_url).await;
            let name = format!("twostep_test_{}", uuid::Uuid::new_v4().simple());
            // Copies of one template are made one at a time.
            let _turn = POSTGRES_COPIES.lock().await;
            let admin = sqlx::AnyPool::connect(&admin_url)
                .await
                .expect("connecting to the PostgreSQL server for tests");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                r#"CREATE DATABASE "{name}" TEMPLATE "{template}""#
            )))
            .execute(&admin)
            .await
            .expect("creating a test database");
            admin.close().await;
            Some(database_url(&admin_url, &name))
        }
    }
}

static POSTGRES_COPIES: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn database_url(admin_url: &str, name: &str) -> String {
    let mut url = url::Url::parse(admin_url).expect("a valid PostgreSQL URL");
    url.set_path(name);
    url.to_string()
}

/// A SQLite file with every migration applied, made once per test process.
async fn sqlite_template() -> &'static Path {
    static TEMPLATE: tokio::sync::OnceCell<tempfile::TempDir> = tokio::sync::OnceCell::const_new();
    let dir = TEMPLATE
        .get_or_init(|| async {
            let dir = tempfile::tempdir().expect("a temp dir");
            let path = dir.path().join("template.db");
            migrate(&format!("sqlite://{}", path.display())).await;
            dir
        })
        .await;
    Box::leak(dir.path().join("template.db").into_boxed_path())
}

/// A PostgreSQL database with every migration applied, made once per test process; its
/// name starts like the test databases', so CI drops it with them.
async fn postgres_template(admin_url: &str) -> &'static str {
    static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let name = format!("twostep_test_template_{}", uuid::Uuid::new_v4().simple());
            sqlx::any::install_default_drivers();
            let admin = sqlx::AnyPool::connect(admin_url)
                .await
                .expect("connecting to the PostgreSQL server for tests");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(r#"CREATE DATABASE "{name}""#)))
                .execute(&admin)
                .await
                .expect("creating the template database");
            admin.close().await;
            migrate(&database_url(admin_url, &name)).await;
            name
        })
        .await
}

/// Applies the migrations, then lets go of every connection (a template must have none).
async fn migrate(url: &str) {
    let db = Db::connect(url).expect("a database handle");
    db.migrate().await.expect("migrating the template");
    db.pool.close().await;
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Option<Self> {
        Self::spawn_with(backend, |_| {}).await
    }

    /// A portal whose public URL is its real address, named as people name it:
    /// `http://localhost:{port}` on a port picked first (browsers make passkeys only for a
    /// host name).
    pub async fn spawn_named(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Option<Self> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        Self::spawn_with(backend, |settings| {
            settings.bind = format!("127.0.0.1:{port}").parse().unwrap();
            settings.public_url = format!("http://localhost:{port}").parse().unwrap();
            adjust(settings);
        })
        .await
    }

    /// Starts the portal with settings adjusted by `adjust` (tighter limits, https…).
    pub async fn spawn_with(backend: Backend, adjust: impl FnOnce(&mut Settings)) -> Option<Self> {
        let data_dir = tempfile::tempdir().expect("a temp dir");
        let database_url = fresh_database_url(backend, data_dir.path()).await?;
        let sms = crate::standins::twilio();
        let mut settings = Settings::for_database(&database_url, data_dir.path());
        settings.bind = "127.0.0.1:0".parse().unwrap();
        settings.http_workers = 2;
        settings.sms = sms.twilio_settings();
        // The test clock moves: the tests sweep for unfinished sign-ins themselves.
        settings.sign_in_sweep_every = None;
        adjust(&mut settings);
        let clock = Clock::system();
        let app = Application::build_with_clock(settings, clock.clone())
            .await
            .expect("the application builds");
        let port = app.port();
        let setup_link = app.setup_link().map(str::to_owned);
        let state = app.state();
        let metrics_address = app
            .metrics_port()
            .map(|port| format!("http://127.0.0.1:{port}"));
        tokio::spawn(app.run_until_stopped());
        let db = Db::connect(&database_url).expect("a database handle for assertions");
        let jar = Arc::new(Jar::default());
        Some(Self {
            address: format!("http://127.0.0.1:{port}"),
            clock,
            sms,
            db,
            state,
            client: client_with(jar.clone()),
            jar,
            setup_link,
            database_url,
            metrics_address,
            _data_dir: data_dir,
        })
    }

    /// The portal's data directory (the `.eml` files of email go under it).
    pub fn data_dir(&self) -> &std::path::Path {
        self._data_dir.path()
    }

    /// A second browser: its own cookies, same portal.
    pub fn new_browser(&self) -> (reqwest::Client, Arc<Jar>) {
        let jar = Arc::new(Jar::default());
        (client_with(jar.clone()), jar)
    }

    /// Moves the clock to the start of a minute, so a burst counted per minute cannot
    /// straddle two.
    pub fn to_start_of_minute(&self) {
        let now = self.clock.now();
        self.clock.advance(60 - now.rem_euclid(60));
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn get_text(&self, path: &str) -> String {
        self.get(path).await.text().await.unwrap()
    }

    /// Posts a form as a browser would: with the CSRF token of the page it came from.
    pub async fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        submit_with(&self.client, &self.address, page, action, fields).await
    }

    /// Posts the form on `page` back to `page`, as most of the portal's forms do.
    pub async fn submit_on(&self, page: &str, fields: &[(&str, &str)]) -> Response {
        self.submit(page, page, fields).await
    }

    /// Posts a form with exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, action: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(self.url(action))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    pub async fn post_login(&self, email: &str, password: &str) -> Response {
        self.submit(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    pub async fn post_logout(&self) -> Response {
        self.submit("/", "/logout", &[]).await
    }

    /// The test kit on this portal: data made through its own use cases.
    pub fn kit(&self) -> Kit<'_> {
        Kit::new(&self.state.services, &self.sms)
    }

    /// Creates a user with `GOOD_PASSWORD` as the command line does (production argon2
    /// parameters; audited as made on the command line).
    pub async fn create_user(&self, email: &str, name: &str, admin: bool) -> i64 {
        self.kit()
            .create_user(email, name, GOOD_PASSWORD, admin)
            .await
    }

    /// Waits (up to 10 s) until the background worker has settled every registration.
    pub async fn registrations_settled(&self) {
        for _ in 0..200 {
            if self
                .count("SELECT COUNT(*) FROM registration_requests")
                .await
                == 0
            {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("registrations still waiting after 10 s");
    }

    /// Registers through `/register` and confirms the address with the link of the email
    /// the portal wrote (an `.eml` file: no SMTP server set); the browser is signed out.
    pub async fn register_confirmed(&self, name: &str, email: &str) -> Response {
        let answer = self
            .submit(
                "/register",
                "/register",
                &[
                    ("name", name),
                    ("email", email),
                    ("password", GOOD_PASSWORD),
                ],
            )
            .await;
        self.registrations_settled().await;
        let link = link_in_eml(self.data_dir(), email, "/register/confirm").await;
        let token = link.split("token=").nth(1).expect("a token in the link");
        self.kit().confirm_email(token, GOOD_PASSWORD).await;
        answer
    }

    pub async fn count(&self, sql: &'static str) -> i64 {
        sqlx::query_scalar(sql)
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// The audit events recorded, oldest first.
    pub async fn audit_events(&self) -> Vec<String> {
        sqlx::query("SELECT event FROM audit_events ORDER BY id")
            .fetch_all(&self.db.pool)
            .await
            .unwrap()
            .iter()
            .map(|row| row.get::<String, _>(0))
            .collect()
    }

    /// The audit log as a reader checks it: event, actor, subject, address, oldest first.
    pub async fn audit_rows(&self) -> Vec<AuditRow> {
        sqlx::query(
            "SELECT event, actor_user_id, subject_user_id, ip FROM audit_events ORDER BY id",
        )
        .fetch_all(&self.db.pool)
        .await
        .unwrap()
        .iter()
        .map(|row| AuditRow {
            event: row.get(0),
            actor: row.get(1),
            subject: row.get(2),
            ip: row.get(3),
        })
        .collect()
    }

    /// The session cookie's value, if the client holds one.
    pub fn session_cookie(&self) -> Option<String> {
        cookie_value(&self.jar, &self.address, "twostep_session")
    }
}

/// One audit event: what, who did it, to whom, from where.
#[derive(Debug, PartialEq, Eq)]
pub struct AuditRow {
    pub event: String,
    pub actor: Option<i64>,
    pub subject: Option<i64>,
    pub ip: Option<String>,
}

impl AuditRow {
    /// An event a user caused on their own account from this machine.
    pub fn own(event: &str, user_id: i64) -> Self {
        Self {
            event: event.into(),
            actor: Some(user_id),
            subject: Some(user_id),
            ip: Some("127.0.0.1".into()),
        }
    }
}

pub fn client_with(jar: Arc<Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        // Never reuse a connection the portal may be closing: actix ends a keep-alive
        // connection after 5 s idle, and a request sent on it just then is dropped
        // (hyper's IncompleteMessage, seen once in the fuzz as a "dropped connection").
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .unwrap()
}

/// A page's HTML with the entities askama writes for quotes, `&`, `<` and `>` read back, so
/// a test can look for the words a person reads ("The app's name").
pub fn unescaped(page: &str) -> String {
    page.replace("&#39;", "'")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

pub fn cookie_value(jar: &Jar, address: &str, name: &str) -> Option<String> {
    let url = address.parse().unwrap();
    let header = jar.cookies(&url)?;
    header
        .to_str()
        .unwrap()
        .split("; ")
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")).map(str::to_owned))
}

pub async fn submit_with(
    client: &reqwest::Client,
    address: &str,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Response {
    let mut response = client.get(format!("{address}{page}")).send().await.unwrap();
    // Signed in, the sign-in page redirects home; a browser would take its token there.
    if response.status().is_redirection() {
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        response = client
            .get(format!("{address}{location}"))
            .send()
            .await
            .unwrap();
    }
    let html = response.text().await.unwrap();
    let token = csrf_token(&html);
    let mut form: Vec<(&str, &str)> = vec![("csrf_token", token.as_str())];
    form.extend_from_slice(fields);
    client
        .post(format!("{address}{action}"))
        .form(&form)
        .send()
        .await
        .expect("POST")
}

/// The CSRF token a page put in its forms.
pub fn csrf_token(html: &str) -> String {
    let marker = r#"name="csrf_token" value=""#;
    let start = html.find(marker).expect("the page has a CSRF token") + marker.len();
    let end = html[start..].find('"').unwrap();
    html[start..start + end].to_owned()
}

#[track_caller]
pub fn assert_redirect_to(response: &Response, location: &str) {
    assert_eq!(response.status().as_u16(), 303, "expected a redirect");
    let sent = response.headers()["location"].to_str().unwrap();
    // A `#section` would scroll the notice at the top of the page out of sight.
    assert!(
        !sent.contains('#'),
        "the redirect to {sent} ends in a #fragment"
    );
    assert_eq!(sent, location);
}

/// Runs each named `async fn(TestApp)` once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use $crate::helpers::{Backend, TestApp};

                #[tokio::test]
                async fn sqlite() {
                    let app = TestApp::spawn(Backend::Sqlite).await.unwrap();
                    super::$name(app).await;
                }

                #[tokio::test]
                async fn postgres() {
                    if let Some(app) = TestApp::spawn(Backend::Postgres).await {
                        super::$name(app).await;
                    }
                }
            }
        )*
    };
}

/// Runs `async fn(Backend)` as two tests, `$sqlite` and `$postgres`, for tests that start
/// their own apps (or none) rather than take one from `on_both_databases!`.
#[macro_export]
macro_rules! on_each_backend {
    ($run:ident => $sqlite:ident, $postgres:ident) => {
        #[tokio::test]
        async fn $sqlite() {
            $run($crate::helpers::Backend::Sqlite).await;
        }

        #[tokio::test]
        async fn $postgres() {
            $run($crate::helpers::Backend::Postgres).await;
        }
    };
}

pub const PHONE: &str = "+46701234567";

impl TestApp {
    /// A user with SMS 2-step verification on, turned on as the security settings do.
    pub async fn create_sms_user(&self, email: &str, phone: &str) -> i64 {
        let id = self.create_user(email, "Ada Lovelace", false).await;
        self.turn_on_sms_in_database(id, phone).await;
        id
    }

    /// Turns SMS 2-step verification on for user `id` with `phone` through the use cases
    /// of the security settings (a code texted to the stand-in, typed back); the name is
    /// older than the kit.
    pub async fn turn_on_sms_in_database(&self, id: i64, phone: &str) {
        self.kit().turn_on_sms(id, phone).await;
    }

    /// The password step of a user with 2-step verification; lands on /login/verify.
    pub async fn sign_in_first_step(&self, email: &str) {
        let response = self.post_login(email, GOOD_PASSWORD).await;
        assert_redirect_to(&response, "/login/verify");
    }

    /// The count `sql` gives with `$1` bound to `value` (an id, a time).
    pub async fn count_where(&self, sql: &'static str, value: i64) -> i64 {
        self.fetch_scalar(sql, value).await
    }

    /// The one value `sql` selects with `$1` bound to `value` (an id, a time).
    pub async fn fetch_scalar<T>(&self, sql: &'static str, value: i64) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
    {
        sqlx::query_scalar(sql)
            .bind(value)
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }
}

/// A code for `key` (base32) at `unix_time`, computed by oathtool, the reference tool.
pub use crate::kit::oathtool;

/// The setup key an authenticator page shows, without its spaces.
fn setup_key_on(page: &str) -> String {
    let marker = r#"<p class="setup-key" id="setup-key">"#;
    let start = page.find(marker).expect("the page shows the setup key") + marker.len();
    let end = page[start..].find('<').unwrap();
    page[start..start + end].replace(' ', "")
}

impl TestApp {
    /// The setup key shown on the authenticator page, without its spaces.
    pub async fn setup_key(&self) -> String {
        setup_key_on(&self.get_text("/account/security/app").await)
    }

    /// A user who signed in in a browser of their own and set up the authenticator app
    /// there, as a person does (this app's browser is left as it was); returns their id.
    pub async fn create_app_user(&self, email: &str, name: &str) -> i64 {
        let id = self.create_user(email, name, false).await;
        let browser = self.signed_in_browser(email).await;
        let page = "/account/security/app";
        let key = setup_key_on(&self.get_text_in(&browser, page).await);
        let code = oathtool(&key, self.clock.now());
        let confirmed = submit_with(&browser, &self.address, page, page, &[("code", &code)]).await;
        assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");
        id
    }

    /// Signs in a fresh user and sets up the authenticator app; returns the key. The
    /// step the set-up code used is the current one.
    pub async fn user_with_app(&self, email: &str) -> String {
        self.create_user(email, "Ada Lovelace", false).await;
        self.post_login(email, GOOD_PASSWORD).await;
        let key = self.setup_key().await;
        let response = self.confirm_app(&key).await;
        assert_redirect_to(&response, "/account/security/recovery-codes/new");
        key
    }

    /// The recovery codes on the page shown once after they are made.
    pub async fn shown_recovery_codes(&self) -> Vec<String> {
        let page = self.get_text("/account/security/recovery-codes/new").await;
        page.split("<li><code>")
            .skip(1)
            .map(|rest| rest[..rest.find("</code>").unwrap()].to_owned())
            .collect()
    }
}

/// Other browsers on the same portal.
impl TestApp {
    /// Another browser, signed in with the password.
    pub async fn signed_in_browser(&self, email: &str) -> reqwest::Client {
        let (client, response) = self.password_step_in_new_browser(email).await;
        assert!(response.status().is_redirection(), "{}", response.status());
        client
    }

    /// Another browser gives the password of `email`; returns it and the answer.
    pub async fn password_step_in_new_browser(&self, email: &str) -> (reqwest::Client, Response) {
        let (client, _) = self.new_browser();
        let response = submit_with(
            &client,
            &self.address,
            "/login",
            "/login",
            &[("email", email), ("password", GOOD_PASSWORD)],
        )
        .await;
        (client, response)
    }

    /// A new browser on the sign-in page: its client, its CSRF cookie as `name=value` (to
    /// send by hand beside other cookies) and the page's CSRF token.
    pub async fn new_browser_at_sign_in(&self) -> (reqwest::Client, String, String) {
        let (client, _) = self.new_browser();
        let page = client.get(self.url("/login")).send().await.unwrap();
        let set_cookie = page.headers()["set-cookie"].to_str().unwrap();
        let cookie = set_cookie.split(';').next().unwrap().to_owned();
        let token = csrf_token(&page.text().await.unwrap());
        (client, cookie, token)
    }

    /// GET `path` in another browser.
    pub async fn get_in(&self, browser: &reqwest::Client, path: &str) -> Response {
        browser.get(self.url(path)).send().await.expect("GET")
    }

    /// The text of the page at `path` as another browser sees it.
    pub async fn get_text_in(&self, browser: &reqwest::Client, path: &str) -> String {
        self.get_in(browser, path).await.text().await.unwrap()
    }

    /// True when a browser holding only this old session cookie is signed out.
    pub async fn session_is_dead(&self, old_cookie: &str, path: &str) -> bool {
        let response = self.get_with_session_cookie(old_cookie, path).await;
        response.status().as_u16() == 303 && response.headers()["location"] == "/login"
    }

    /// GET `path` in a new browser that holds only this session cookie (a copy, a thief's).
    pub async fn get_with_session_cookie(&self, cookie: &str, path: &str) -> Response {
        let (thief, _) = self.new_browser();
        thief
            .get(self.url(path))
            .header("cookie", format!("twostep_session={cookie}"))
            .send()
            .await
            .unwrap()
    }
}

/// The sign-in forms, each posted from its own page.
impl TestApp {
    /// The status of the answer to signing in with `email` and `password`.
    pub async fn login_status(&self, email: &str, password: &str) -> u16 {
        self.post_login(email, password).await.status().as_u16()
    }

    /// Types `code` at the sign-in code step (/login/verify).
    pub async fn submit_sign_in_code(&self, code: &str) -> Response {
        self.submit_on("/login/verify", &[("code", code)]).await
    }

    /// At the code step, on the page for `with` ("app" or "sms"): types `code`.
    pub async fn submit_sign_in_code_with(&self, with: &str, code: &str) -> Response {
        self.submit(
            &format!("/login/verify?with={with}"),
            "/login/verify",
            &[("code", code), ("with", with)],
        )
        .await
    }

    /// Types the recovery code `code` at /login/recovery.
    pub async fn submit_recovery_code(&self, code: &str) -> Response {
        self.submit_on("/login/recovery", &[("recovery_code", code)])
            .await
    }

    /// "Send again" at the sign-in code step.
    pub async fn send_again(&self) -> Response {
        self.submit("/login/verify", "/login/verify/resend", &[])
            .await
    }

    /// At the code step: types the code just texted to `phone`; lands on the home page.
    pub async fn finish_sign_in_with_sms(&self, phone: &str) {
        let code = self.sms.last_code_to(phone);
        assert_redirect_to(&self.submit_sign_in_code(&code).await, "/");
    }

    /// Signs in a user with SMS 2-step verification: the password, then the code texted.
    pub async fn sign_in_with_sms_code(&self, email: &str, phone: &str) {
        self.sign_in_first_step(email).await;
        self.finish_sign_in_with_sms(phone).await;
    }

    /// At the code step: "Send again", then the new code signs in.
    pub async fn resend_and_finish_sign_in(&self, phone: &str) {
        let resent = self.send_again().await;
        assert_redirect_to(&resent, "/login/verify?with=sms&notice=code-sent");
        self.finish_sign_in_with_sms(phone).await;
    }

    /// Signs out and, past the cooldown between sign-in codes, gives the password of a user
    /// with 2-step verification again; lands on /login/verify.
    pub async fn sign_in_again_after_the_cooldown(&self, email: &str) {
        self.post_logout().await;
        self.clock.advance(31);
        self.sign_in_first_step(email).await;
    }

    /// Asserts that the client's session cookie is no longer `before`.
    pub fn assert_new_session_id(&self, before: &str, why: &str) {
        assert_ne!(self.session_cookie().unwrap(), before, "{why}");
    }
}

/// The forms of My security settings, each posted from its own page.
impl TestApp {
    /// Asks for a code to `phone` on the SMS set-up page.
    pub async fn submit_phone(&self, phone: &str) -> Response {
        self.submit_on("/account/security/sms", &[("phone", phone)])
            .await
    }

    /// Types `code` on the page that checks a new phone number.
    pub async fn submit_phone_code(&self, code: &str) -> Response {
        self.submit_on("/account/security/sms/verify", &[("code", code)])
            .await
    }

    /// Signed in: turns on SMS 2-step verification with `phone` through the settings pages,
    /// saving the recovery codes shown.
    pub async fn turn_on_sms(&self, phone: &str) {
        self.submit_phone(phone).await;
        self.submit_phone_code(&self.sms.last_code_to(phone)).await;
        self.confirm_codes_saved().await;
    }

    /// Types `code` on the authenticator set-up page.
    pub async fn submit_app_setup_code(&self, code: &str) -> Response {
        self.submit_on("/account/security/app", &[("code", code)])
            .await
    }

    /// Confirms the authenticator app being set up with its code for the current step.
    pub async fn confirm_app(&self, key: &str) -> Response {
        self.submit_app_setup_code(&oathtool(key, self.clock.now()))
            .await
    }

    /// Signed in: sets up the authenticator app while 2-step verification is already on (SMS):
    /// the app becomes the active method and the phone is kept. Returns the key.
    pub async fn switch_to_the_app(&self) -> String {
        let key = self.setup_key().await;
        let confirmed = self.confirm_app(&key).await;
        assert_redirect_to(&confirmed, "/account/security?notice=app-on");
        key
    }

    /// Ticks "I have saved my recovery codes" and presses Done.
    pub async fn confirm_codes_saved(&self) {
        let done = self
            .submit(
                "/account/security/recovery-codes/new",
                "/account/security/recovery-codes/done",
                &[("saved", "yes")],
            )
            .await;
        assert_redirect_to(&done, "/account/security?notice=codes-saved");
    }

    /// "Generate new recovery codes" on My security settings; returns the codes shown.
    pub async fn regenerate_recovery_codes(&self) -> Vec<String> {
        let regenerated = self
            .submit("/account/security", "/account/security/recovery-codes", &[])
            .await;
        assert_redirect_to(&regenerated, "/account/security/recovery-codes/new");
        self.shown_recovery_codes().await
    }

    /// Changes the password on /account/password.
    pub async fn change_password(&self, current: &str, new: &str) -> Response {
        let fields = [("current_password", current), ("new_password", new)];
        self.submit_on("/account/password", &fields).await
    }

    /// "Sign out all other sessions" on My security settings.
    pub async fn end_other_sessions(&self) {
        let ended = self
            .submit(
                "/account/security",
                "/account/security/sessions/end-others",
                &[],
            )
            .await;
        assert_redirect_to(&ended, "/account/security?notice=others-signed-out");
    }
}

/// What the database and the audit log say.
impl TestApp {
    /// The 2-step verification method of user `id`, if it is on.
    pub async fn two_factor_method(&self, id: i64) -> Option<String> {
        self.fetch_scalar("SELECT two_factor_method FROM users WHERE id = $1", id)
            .await
    }

    /// Asserts that user `id` has SMS 2-step verification on, with `phone`.
    pub async fn assert_sms_on(&self, id: i64, phone: &str) {
        let (stored, method): (String, String) =
            sqlx::query_as("SELECT phone, two_factor_method FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(&self.db.pool)
                .await
                .unwrap();
        assert_eq!((stored.as_str(), method.as_str()), (phone, "sms"));
    }

    /// How many times `event` is in the audit log.
    pub async fn count_events(&self, event: &str) -> usize {
        let events = self.audit_events().await;
        events.iter().filter(|e| e.as_str() == event).count()
    }

    /// Asserts that the audit log holds `event`.
    pub async fn assert_audit_contains(&self, event: &str) {
        let events = self.audit_events().await;
        assert!(
            events.iter().any(|e| e == event),
            "no {event} in the audit log: {events:?}"
        );
    }

    /// The detail recorded with the audit event `event` (the first, if there are several).
    pub async fn audit_detail(&self, event: &str) -> String {
        sqlx::query_scalar("SELECT detail FROM audit_events WHERE event = $1")
            .bind(event)
            .fetch_one(&self.db.pool)
            .await
            .unwrap()
    }

    /// Every text value in every row of `table`, a line each.
    pub async fn text_in_table(&self, table: &str) -> String {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT * FROM {table}")))
            .fetch_all(&self.db.pool)
            .await
            .unwrap();
        let mut text = String::new();
        for row in rows {
            for i in 0..row.len() {
                if let Ok(Some(value)) = row.try_get::<Option<String>, _>(i) {
                    text.push_str(&value);
                    text.push('\n');
                }
            }
        }
        text
    }
}

/// Where a response redirects to, if it does.
pub fn location_of(response: &Response) -> Option<String> {
    let location = response.headers().get("location")?;
    Some(location.to_str().unwrap().to_owned())
}

/// Asserts that `response` has `status` and a page that contains `expected`; returns the page.
pub async fn assert_page(response: Response, status: u16, expected: &str) -> String {
    assert_eq!(
        response.status().as_u16(),
        status,
        "the answer that should say {expected:?}"
    );
    let page = response.text().await.unwrap();
    assert!(page.contains(expected), "no {expected:?} in:\n{page}");
    page
}

/// The statuses of `responses`, in order of status.
pub fn sorted_statuses(responses: &[Response]) -> Vec<u16> {
    let mut statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    statuses.sort();
    statuses
}
