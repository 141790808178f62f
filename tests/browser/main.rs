//! Journeys in headless Chromium, driven over WebDriver by fantoccini: what a person does,
//! found by the labels and buttons a person reads.
//!
//! Needs Debian's `chromium` and `chromium-driver`. Without them the tests say SKIPPED
//! loudly and pass, unless TWOSTEP_REQUIRE_BROWSER is set (as `.ci/run` does).

mod accessibility;
mod admin;
mod api_keys;
mod applications;
mod bulk;
#[path = "../kit/mod.rs"]
#[allow(dead_code)] // each suite uses part of the kit
mod kit;
mod languages;
mod lists;
mod lost_phone;
mod mail;
mod no_script;
mod oidc;
mod passkeys;
mod phone;
mod rooms;
mod settings;
#[path = "../api/smtp.rs"]
#[allow(dead_code)]
mod smtp;
#[path = "../api/standins.rs"]
#[allow(dead_code)]
mod standins;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use accessibility::{check_keyboard_focus, check_page};
use actix_web::web::Data;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use kit::oathtool;
use twostep::config::Settings;
use twostep::startup::Application;
use twostep::web::state::AppState;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PASSWORD: &str = "violet kettle sings at dawn";

/// chromedriver for one test; killed when the test ends, passing or not.
struct Driver {
    process: Child,
    _profile: tempfile::TempDir,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // chromedriver leads its own process group and the Chromium it starts stays in it:
        // end the whole group, so a journey that panics before `close` leaves no browser
        // behind.
        let group = self.process.id();
        let _ = Command::new("sh")
            .args(["-c", &format!("kill -KILL -{group}")])
            .stderr(Stdio::null())
            .status();
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts chromedriver and a headless Chromium session, or `None` when they are not
/// installed and not required.
async fn browser() -> Option<(Client, Driver)> {
    browser_with_prefs(serde_json::json!({})).await
}

/// [`browser`] with JavaScript turned off, as some people browse: pages must work as well.
async fn browser_without_javascript() -> Option<(Client, Driver)> {
    browser_with_prefs(serde_json::json!({
        "profile.managed_default_content_settings.javascript": 2
    }))
    .await
}

/// [`browser`] with Chromium's preferences `prefs`.
async fn browser_with_prefs(prefs: serde_json::Value) -> Option<(Client, Driver)> {
    if !std::path::Path::new(CHROMEDRIVER).exists() {
        assert!(
            std::env::var("TWOSTEP_REQUIRE_BROWSER").is_err(),
            "TWOSTEP_REQUIRE_BROWSER is set but {CHROMEDRIVER} is missing"
        );
        eprintln!(
            "\n*** SKIPPED browser test: chromedriver not installed (apt-get install chromium chromium-driver) ***\n"
        );
        return None;
    }
    let port = free_port();
    // A reader in Stockholm: times on the pages are shown in the browser's own zone.
    let process = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .env("TZ", "Europe/Stockholm")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("chromedriver starts");
    let profile = tempfile::tempdir().unwrap();
    let driver = Driver {
        process,
        _profile: profile,
        port,
    };
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic",
                format!("--user-data-dir={}", driver._profile.path().display()),
            ],
            "prefs": prefs,
        }),
    );
    let url = format!("http://127.0.0.1:{}", driver.port);
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    for _ in 0..100 {
        let attempt = ClientBuilder::new(connector.clone())
            .capabilities(capabilities.clone())
            .connect(&url)
            .await;
        match attempt {
            Ok(client) => return Some((client, driver)),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    panic!("chromedriver did not answer on {url}");
}

/// The portal on a fresh SQLite database, sending its codes to a Twilio stand-in.
async fn portal() -> (String, standins::StandIn, tempfile::TempDir) {
    portal_with(|_| ()).await
}

/// [`portal`], its settings changed by `adjust` first.
async fn portal_with(
    adjust: impl FnOnce(&mut Settings),
) -> (String, standins::StandIn, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let sms = standins::twilio();
    let url = format!("sqlite://{}", dir.path().join("twostep.db").display());
    let mut settings = Settings::for_database(&url, dir.path());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    settings.sms = sms.twilio_settings();
    adjust(&mut settings);
    let app = Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    PORTALS
        .lock()
        .unwrap()
        .push((dir.path().to_owned(), app.state()));
    tokio::spawn(app.run_until_stopped());
    (address, sms, dir)
}

/// The shared state of each portal `portal_with` started, by its data directory.
static PORTALS: Mutex<Vec<(PathBuf, Data<AppState>)>> = Mutex::new(Vec::new());

/// The shared state of the portal `portal()` started in `dir`: the test kit makes data
/// through its use cases.
fn portal_state(dir: &tempfile::TempDir) -> Data<AppState> {
    let portals = PORTALS.lock().unwrap();
    let (_, state) = portals
        .iter()
        .find(|(path, _)| path == dir.path())
        .expect("a portal started in this directory");
    state.clone()
}

/// The element `locator` finds, waiting (up to 10 s) for a page that a click before it is
/// loading; `what` names it in the failure.
async fn find_soon(client: &Client, locator: Locator<'_>, what: &str) -> Element {
    for _ in 0..100 {
        if let Ok(element) = client.find(locator).await {
            return element;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no {what} on the page");
}

/// Clicks the element `locator` finds, once the page shows it (see `find_soon`).
async fn click_soon(client: &Client, locator: Locator<'_>, what: &str) {
    find_soon(client, locator, what)
        .await
        .click()
        .await
        .unwrap();
}

/// Types into the input whose label reads `label`.
async fn fill(client: &Client, label: &str, value: &str) {
    let label_element = find_soon(
        client,
        Locator::XPath(&format!("//label[normalize-space()='{label}']")),
        &format!("field labelled {label}"),
    )
    .await;
    let id = label_element
        .attr("for")
        .await
        .unwrap()
        .expect("the label names its input");
    let input = client.find(Locator::Id(&id)).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(value).await.unwrap();
}

async fn press(client: &Client, button: &str) {
    click_soon(
        client,
        Locator::XPath(&format!("//button[normalize-space()='{button}']")),
        &format!("button {button}"),
    )
    .await;
}

/// Presses the button whose accessible name (`aria-label`) is `name`.
async fn press_labelled(client: &Client, name: &str) {
    click_soon(
        client,
        Locator::XPath(&format!("//button[@aria-label='{name}']")),
        &format!("button named {name}"),
    )
    .await;
}

/// Waits (up to 10 s) for the summary list row `row` to read `value`.
async fn expect_summary(client: &Client, row: &str, value: &str) {
    let xpath = format!(
        "//dt[normalize-space()='{row}']/following-sibling::dd[1][contains(normalize-space(), '{value}')]"
    );
    for _ in 0..100 {
        if client.find(Locator::XPath(&xpath)).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("expected {row}: {value} in the summary");
}

/// Chooses the radio button labelled `label` (by clicking its label, as a person would).
async fn choose(client: &Client, label: &str) {
    click_soon(
        client,
        Locator::XPath(&format!("//label[normalize-space()='{label}']")),
        &format!("choice {label}"),
    )
    .await;
}

/// Clicks the link named `link`, hidden words included ("Change" + " method"), waiting
/// (up to 10 s) for the page that a click before it is loading to show it.
async fn follow(client: &Client, link: &str) {
    click_soon(
        client,
        Locator::XPath(&format!("//a[normalize-space(.)='{link}']")),
        &format!("link {link}"),
    )
    .await;
}

/// Waits (up to 10 s) for the page, once loaded after a click, to show `expected`.
async fn expect_text(client: &Client, expected: &str) {
    let mut text = String::new();
    for _ in 0..100 {
        text = body_text(client).await;
        if text.contains(expected) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("expected {expected:?} on the page:\n{text}");
}

/// The text of the page's body, waiting (up to 10 s) while a page is loading: no body yet,
/// or one gone stale as the next page arrived.
async fn body_text(client: &Client) -> String {
    for _ in 0..100 {
        if let Ok(body) = client.find(Locator::Css("body")).await
            && let Ok(text) = body.text().await
        {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the page never showed a body");
}

/// Creates an account through the register page, then opens the link of the email the
/// portal wrote under `data` (its `.eml` files) and confirms; lands on the home page.
async fn register(client: &Client, address: &str, data: &Path, name: &str, email: &str) {
    client.goto(&format!("{address}/register")).await.unwrap();
    fill(client, "Name", name).await;
    fill(client, "Email", email).await;
    fill(client, "Password", PASSWORD).await;
    press(client, "Create account").await;
    expect_text(client, "Check your email").await;
    client
        .goto(&format!(
            "{address}{}",
            confirmation_path(data, email).await
        ))
        .await
        .unwrap();
    fill(client, "Password", PASSWORD).await;
    press(client, "Confirm email address").await;
    expect_text(client, &format!("Hello, {name}")).await;
}

/// The path of the confirmation link in the email to `email` among the `.eml` files under
/// `data`, waiting (up to 10 s) for the portal's worker to write it.
async fn confirmation_path(data: &Path, email: &str) -> String {
    kit::mail::link_in_eml(data, email, "/register/confirm").await
}

async fn sign_out(client: &Client) {
    press(client, "Sign out").await;
    expect_text(client, "You have signed out.").await;
}

/// Types the email and password on the sign-in page and submits them.
async fn sign_in(client: &Client, email: &str) {
    fill(client, "Email", email).await;
    fill(client, "Password", PASSWORD).await;
    press(client, "Sign in").await;
}

/// Signs out, then types the email and password on the sign-in page and submits them.
async fn sign_out_and_in_again(client: &Client, email: &str) {
    sign_out(client).await;
    sign_in(client, email).await;
}

/// Types `code` as the verification code and presses "Verify".
async fn enter_code(client: &Client, code: &str) {
    fill(client, "Verification code", code).await;
    press(client, "Verify").await;
}

/// Ticks the checkbox whose id is `id`.
async fn tick(client: &Client, id: &str) {
    click_soon(client, Locator::Id(id), &format!("checkbox {id}")).await;
}

/// The text of the element whose id is `id`.
async fn text_of(client: &Client, id: &str) -> String {
    let element = client.find(Locator::Id(id)).await.unwrap();
    element.text().await.unwrap()
}

/// Ticks "I have saved my recovery codes" and presses "Done".
async fn codes_saved(client: &Client) {
    expect_text(client, "Save your recovery codes").await;
    tick(client, "saved").await;
    press(client, "Done").await;
}

/// Signs `email` in from another client, over HTTP: a second session for the settings to
/// list. The client is returned to keep.
async fn sign_in_elsewhere(address: &str, email: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let token = token_on(&client, &format!("{address}/login")).await;
    let signed_in = client
        .post(format!("{address}/login"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", email),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status().as_u16(), 303, "signed in elsewhere");
    client
}

/// The CSRF token of the page at `url`.
async fn token_on(client: &reqwest::Client, url: &str) -> String {
    let page = client.get(url).send().await.unwrap().text().await.unwrap();
    let marker = r#"name="csrf_token" value=""#;
    let start = page.find(marker).expect("a CSRF token") + marker.len();
    page[start..start + page[start..].find('"').unwrap()].to_owned()
}

/// Signs `email` in from another client with the password and recovery code `code`, over
/// HTTP: the code is used up.
async fn use_recovery_code_elsewhere(address: &str, email: &str, code: &str) {
    let client = sign_in_elsewhere(address, email).await;
    let url = format!("{address}/login/recovery");
    let token = token_on(&client, &url).await;
    let signed_in = client
        .post(&url)
        .form(&[("csrf_token", token.as_str()), ("recovery_code", code)])
        .send()
        .await
        .unwrap();
    assert_eq!(
        signed_in.headers()["location"],
        "/account/security?notice=recovery-used",
        "signed in with {code}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn register_sign_out_and_sign_in() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, _sms, dir) = portal().await;

    client.goto(&format!("{address}/register")).await.unwrap();
    check_page(&client, "registration").await;
    fill(&client, "Name", "Ada Lovelace").await;
    fill(&client, "Email", "ada@example.com").await;
    fill(&client, "Password", PASSWORD).await;
    press(&client, "Create account").await;
    expect_text(&client, "Check your email").await;
    check_page(&client, "registration, check your email").await;
    let confirm = confirmation_path(dir.path(), "ada@example.com").await;
    client.goto(&format!("{address}{confirm}")).await.unwrap();
    expect_text(
        &client,
        "Enter the password you chose when you created the account",
    )
    .await;
    check_page(&client, "registration, confirm your email address").await;
    // The password chosen at registration confirms it; without it, the page says so.
    press(&client, "Confirm email address").await;
    expect_text(&client, "There is a problem").await;
    check_page(
        &client,
        "registration, confirm your email address, no password",
    )
    .await;
    fill(&client, "Password", PASSWORD).await;
    press(&client, "Confirm email address").await;
    expect_text(&client, "Your account has been created.").await;
    check_page(&client, "home page, account created").await;

    sign_out(&client).await;
    check_page(&client, "sign-in page, signed out").await;

    fill(&client, "Email", "ada@example.com").await;
    fill(&client, "Password", "not my password at all").await;
    press(&client, "Sign in").await;
    expect_text(&client, "The email or password is incorrect.").await;
    // Focus lands on the error summary, so a screen reader reads the problem first.
    let focused = client
        .execute("return document.activeElement.className", vec![])
        .await
        .unwrap();
    assert_eq!(focused.as_str(), Some("error-summary"));
    assert!(client.title().await.unwrap().starts_with("Error: Sign in"));
    check_page(&client, "sign-in page, wrong password").await;
    let kept = client
        .find(Locator::Id("email"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("ada@example.com"),
        "the typed email is kept"
    );

    fill(&client, "Password", PASSWORD).await;
    press(&client, "Sign in").await;
    expect_text(&client, "Hello, Ada Lovelace").await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn turn_on_sms_verification_and_sign_in_with_a_code() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;

    register(
        &client,
        &address,
        dir.path(),
        "Grace Hopper",
        "grace@example.com",
    )
    .await;
    let _elsewhere = sign_in_elsewhere(&address, "grace@example.com").await;

    follow(&client, "Security").await;
    expect_summary(&client, "2-step verification", "Off").await;
    // Two sessions: the other one's card carries "End session".
    expect_text(&client, "End session").await;
    check_page(
        &client,
        "security settings, 2-step verification off, two sessions",
    )
    .await;
    follow(&client, "Turn on 2-step verification").await;
    expect_text(&client, "How do you want to get your sign-in codes?").await;
    check_page(&client, "choose a 2-step verification method").await;
    choose(&client, "Text message (SMS)").await;
    press(&client, "Continue").await;
    expect_text(&client, "Enter the mobile number").await;
    check_page(&client, "SMS set-up, phone number").await;
    fill(&client, "Phone number", "+46 70-123 45 67").await;
    press(&client, "Send code").await;
    expect_text(&client, "+46 ••• •• 67").await;
    check_page(&client, "SMS set-up, code sent").await;
    let code = sms.last_code_to("+46701234567");
    enter_code(&client, &format!("{} {}", &code[..3], &code[3..])).await;
    expect_text(&client, "Save your recovery codes").await;
    check_page(&client, "recovery codes, first set").await;
    check_keyboard_focus(&client, "recovery codes, first set").await;
    // The checkbox is required: pressing Done without it, the browser does not submit.
    press(&client, "Done").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let url = client.current_url().await.unwrap();
    assert_eq!(
        url.path(),
        "/account/security/recovery-codes/new",
        "the form was submitted without the checkbox"
    );
    let missing = client
        .execute(
            "return document.getElementById('saved').validity.valueMissing;",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        missing,
        serde_json::Value::Bool(true),
        "the browser flags the box"
    );
    expect_text(&client, "I have saved my recovery codes").await;
    codes_saved(&client).await;
    expect_summary(&client, "2-step verification", "On").await;
    expect_text(&client, "Sign out everywhere else?").await;
    check_page(
        &client,
        "security settings, SMS on, sign out everywhere else?",
    )
    .await;
    press(&client, "Sign out all other sessions").await;
    expect_text(&client, "signed out").await;
    check_page(&client, "security settings, SMS on").await;
    follow(&client, "Change phone number").await;
    expect_text(&client, "Enter your new mobile number.").await;
    check_page(&client, "change phone number").await;
    follow(&client, "Cancel").await;
    // The questions asked before a change that cannot be undone by a click.
    client
        .goto(&format!("{address}/account/security/two-step/off"))
        .await
        .unwrap();
    expect_text(&client, "Turn off 2-step verification?").await;
    check_page(&client, "turn off 2-step verification, the question").await;
    client
        .goto(&format!("{address}/account/security/recovery-codes"))
        .await
        .unwrap();
    expect_text(&client, "Generate new recovery codes?").await;
    check_page(&client, "new recovery codes, the question").await;
    press(&client, "Generate new recovery codes").await;
    expect_text(&client, "Save your recovery codes").await;
    check_page(&client, "recovery codes, regenerated").await;
    codes_saved(&client).await;
    expect_summary(&client, "Recovery codes", "10 left").await;

    // The password asked again, as after 10 minutes.
    client
        .goto(&format!("{address}/account/confirm?next=/account/security"))
        .await
        .unwrap();
    expect_text(&client, "For your security, enter your password again").await;
    check_page(&client, "confirm your password").await;
    fill(&client, "Password", "not my password at all").await;
    press(&client, "Confirm").await;
    expect_text(&client, "That password is not right.").await;
    check_page(&client, "confirm your password, wrong password").await;
    fill(&client, "Password", PASSWORD).await;
    press(&client, "Confirm").await;
    expect_summary(&client, "2-step verification", "On").await;

    sign_out_and_in_again(&client, "grace@example.com").await;
    expect_text(&client, "Enter your verification code").await;
    check_page(&client, "sign-in code, SMS").await;
    check_keyboard_focus(&client, "sign-in code, SMS").await;
    let field = client.find(Locator::Id("code")).await.unwrap();
    assert_eq!(
        field.attr("autocomplete").await.unwrap().as_deref(),
        Some("one-time-code")
    );
    enter_code(&client, "000000").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "sign-in code, wrong code").await;
    enter_code(&client, &sms.last_code_to("+46701234567")).await;
    expect_text(&client, "Hello, Grace Hopper").await;
    sms.assert_well_formed();
    client.close().await.unwrap();
}

fn unix_now() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    i64::try_from(secs).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn set_up_an_authenticator_app_then_sign_in_with_it_and_with_a_recovery_code() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, _sms, dir) = portal().await;

    register(
        &client,
        &address,
        dir.path(),
        "Katherine Johnson",
        "katherine@example.com",
    )
    .await;

    follow(&client, "Security").await;
    follow(&client, "Turn on 2-step verification").await;
    choose(&client, "Authenticator app").await;
    press(&client, "Continue").await;
    expect_text(&client, "Scan this QR code").await;
    check_page(&client, "authenticator app set-up").await;
    assert!(
        client.find(Locator::Css(".qr svg")).await.is_ok(),
        "the QR code is drawn inline"
    );
    check_keyboard_focus(&client, "authenticator app set-up").await;
    let key = text_of(&client, "setup-key").await.replace(' ', "");
    enter_code(&client, "000000").await;
    expect_text(&client, "That code is not right.").await;
    check_page(&client, "authenticator app set-up, wrong code").await;
    enter_code(&client, &oathtool(&key, unix_now())).await;
    expect_text(&client, "Save your recovery codes").await;
    let codes = text_of(&client, "recovery-codes").await;
    let codes: Vec<&str> = codes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(codes.len(), 10, "{codes:?}");
    let first_code = codes[0].to_owned();
    tick(&client, "saved").await;
    press(&client, "Done").await;
    expect_summary(&client, "Method", "Authenticator app").await;
    check_page(&client, "security settings, authenticator app on").await;

    sign_out_and_in_again(&client, "katherine@example.com").await;
    expect_text(&client, "Open your authenticator app").await;
    check_page(&client, "sign-in code, authenticator app").await;
    // The set-up used this step: the next one is inside the accepted window.
    enter_code(&client, &oathtool(&key, unix_now() + 30)).await;
    expect_text(&client, "Hello, Katherine Johnson").await;

    sign_out_and_in_again(&client, "katherine@example.com").await;
    expect_text(&client, "Open your authenticator app").await;
    follow(&client, "Use a recovery code").await;
    check_page(&client, "sign-in with a recovery code").await;
    fill(&client, "Recovery code", &first_code).await;
    press(&client, "Sign in").await;
    expect_text(&client, "You signed in with a recovery code.").await;
    expect_summary(&client, "Recovery codes", "9 left").await;
    check_page(&client, "signed in with a recovery code").await;

    // Six more used, signing in elsewhere: 3 left, in the warning style.
    for code in &codes[1..7] {
        use_recovery_code_elsewhere(&address, "katherine@example.com", code).await;
    }
    client.refresh().await.unwrap();
    expect_summary(&client, "Recovery codes", "3 left").await;
    assert!(
        client.find(Locator::Css(".tag-warning")).await.is_ok(),
        "few codes left show as a warning"
    );
    check_page(&client, "security settings, 3 recovery codes left").await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn trust_the_device_then_remove_it() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;

    register(
        &client,
        &address,
        dir.path(),
        "Mary Jackson",
        "mary@example.com",
    )
    .await;
    client
        .goto(&format!("{address}/account/security/sms"))
        .await
        .unwrap();
    fill(&client, "Phone number", "+46 70 555 12 34").await;
    press(&client, "Send code").await;
    expect_text(&client, "+46 ••• •• 34").await;
    enter_code(&client, &sms.last_code_to("+46705551234")).await;
    codes_saved(&client).await;
    expect_summary(&client, "2-step verification", "On").await;

    // Sign in with a code, trusting this browser.
    sign_out_and_in_again(&client, "mary@example.com").await;
    expect_text(&client, "Enter your verification code").await;
    fill(
        &client,
        "Verification code",
        &sms.last_code_to("+46705551234"),
    )
    .await;
    tick(&client, "trust_device").await;
    check_page(&client, "sign-in code, trust this device ticked").await;
    press(&client, "Verify").await;
    expect_text(&client, "Hello, Mary Jackson").await;

    // The password alone now signs in.
    let sent = sms.sent().len();
    sign_out_and_in_again(&client, "mary@example.com").await;
    expect_text(&client, "Hello, Mary Jackson").await;
    assert_eq!(sms.sent().len(), sent, "no code was sent");

    // Remove the device: the next sign-in asks for a code again.
    follow(&client, "Security").await;
    expect_text(&client, "Trusted devices").await;
    // Named by browser, its version and the system, as this browser reports itself.
    let agent = client
        .execute("return navigator.userAgent", vec![])
        .await
        .unwrap();
    let device = twostep::domain::user_agent::describe(
        twostep::domain::language::Language::English,
        agent.as_str().unwrap(),
    );
    assert!(
        device.starts_with("Chrome 1") && device.ends_with(" on Linux"),
        "{device}"
    );
    expect_text(&client, &device).await;
    check_page(&client, "security settings, a trusted device").await;
    // Times are in the reader's zone (a small script); the UTC text stays as the title.
    let since = client
        .find(Locator::Css("td[data-label='Trusted since'] time"))
        .await
        .unwrap();
    let shown = since.text().await.unwrap();
    assert!(
        !shown.contains("UTC") && (shown.contains("GMT+1") || shown.contains("CET")),
        "{shown}"
    );
    // In the server's one format ("6 Dec 2026, 18:14 CET"), whatever the browser's locale.
    let words: Vec<&str> = shown.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    assert!(
        words.len() == 5
            && words[0].parse::<u8>().is_ok()
            && words[1].len() == 3
            && words[2].len() == 4
            && words[3].len() == 5
            && words[3].as_bytes()[2] == b':',
        "{shown}"
    );
    assert!(
        since
            .attr("title")
            .await
            .unwrap()
            .unwrap()
            .ends_with(" UTC")
    );
    // Each Remove button names what it removes (the sign-in methods have one too).
    press_labelled(&client, &format!("Remove {device}")).await;
    expect_text(&client, "The device was removed.").await;
    check_page(&client, "security settings, device removed").await;
    sign_out_and_in_again(&client, "mary@example.com").await;
    expect_text(&client, "Enter your verification code").await;
    client.close().await.unwrap();
}

/// An app user's sign-in asks for a text instead ("Send code", then "Send again" counting
/// down); back from the app to the number verified before, asked first; then a sign-in
/// whose text cannot be sent because this network has had its codes for the hour: the page
/// says when, the button waits, and the other ways in are offered.
#[tokio::test(flavor = "multi_thread")]
async fn switch_back_to_sms_then_meet_a_sending_limit() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal_with(|settings| settings.sms_sends_per_ip_per_hour = 2).await;

    register(
        &client,
        &address,
        dir.path(),
        "Dorothy Vaughan",
        "dorothy@example.com",
    )
    .await;
    follow(&client, "Security").await;
    follow(&client, "Turn on 2-step verification").await;
    choose(&client, "Text message (SMS)").await;
    press(&client, "Continue").await;
    expect_text(&client, "Enter the mobile number").await;
    fill(&client, "Phone number", "+46 70 555 12 34").await;
    press(&client, "Send code").await;
    expect_text(&client, "+46 ••• •• 34").await;
    enter_code(&client, &sms.last_code_to("+46705551234")).await;
    codes_saved(&client).await;

    follow(&client, "Change method").await;
    choose(&client, "Authenticator app").await;
    press(&client, "Continue").await;
    expect_text(&client, "Scan this QR code").await;
    let key = text_of(&client, "setup-key").await.replace(' ', "");
    enter_code(&client, &oathtool(&key, unix_now())).await;
    expect_summary(&client, "Method", "Authenticator app").await;

    // Signing in with the app, a text asked for instead: sent only on "Send code". Then
    // "Send again" waits out its 30 seconds: the small script counts them down on the page
    // and enables the button (without it the page says the time, and a reload shows the
    // button enabled).
    sign_out_and_in_again(&client, "dorothy@example.com").await;
    expect_text(&client, "Open your authenticator app").await;
    follow(&client, "Use text message").await;
    expect_text(&client, "Choose \"Send code\", then enter the code.").await;
    check_page(&client, "sign-in code, a text message asked for").await;
    assert_eq!(
        sms.count_to("+46705551234"),
        1,
        "opening the page sends nothing"
    );
    press(&client, "Send code").await;
    expect_text(&client, "We sent a 6-digit code by text message").await;
    let (first, disabled, _) = resend_state(&client).await;
    let first = first.expect("the seconds are shown");
    assert!(disabled && first > 20, "{first} s, disabled: {disabled}");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let (later, disabled, _) = resend_state(&client).await;
    let later = later.expect("still counting");
    assert!(disabled && later < first, "{first} s, then {later} s");
    let mut opened = false;
    for _ in 0..400 {
        let (_, disabled, text) = resend_state(&client).await;
        if !disabled {
            assert!(text.contains("You can ask for a new code now."), "{text}");
            opened = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(opened, "Send again was still disabled after 40 s");
    enter_code(&client, &sms.last_code_to("+46705551234")).await;
    expect_text(&client, "Hello, Dorothy Vaughan").await;

    client
        .goto(&format!("{address}/account/security/app/remove"))
        .await
        .unwrap();
    expect_text(&client, "Remove your authenticator app?").await;
    check_page(&client, "remove the authenticator app, the question").await;
    follow(&client, "Cancel").await;
    follow(&client, "Change method").await;
    expect_text(&client, "How do you want to get your sign-in codes?").await;
    check_page(&client, "change method, the app in use and a saved phone").await;
    choose(&client, "Text message (SMS) to +46 70 555 12 34").await;
    press(&client, "Continue").await;
    expect_text(&client, "Use text messages for your codes?").await;
    check_page(&client, "use the number verified before, the question").await;
    press(&client, "Use text messages").await;
    expect_summary(&client, "Method", "Text message (SMS)").await;
    assert_eq!(
        sms.count_to("+46705551234"),
        2,
        "the number verified before is not texted again"
    );

    sign_out_and_in_again(&client, "dorothy@example.com").await;
    expect_text(&client, "Too many codes have been sent from your network.").await;
    check_page(&client, "sign-in code, the hourly limit reached").await;
    expect_text(&client, "We cannot text a code to +46 ••• •• 34 just now.").await;
    let body = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !body.contains("Send again") && !body.contains("Send code") && !body.contains("We sent"),
        "nothing offers or claims a send that cannot happen:\n{body}"
    );
    expect_text(&client, "Use a recovery code").await;
    assert_eq!(
        sms.count_to("+46705551234"),
        2,
        "nothing was sent over the limit"
    );
    client.close().await.unwrap();
}

/// The resend form's countdown and whether its button is disabled, as the page shows them.
async fn resend_state(client: &Client) -> (Option<u64>, bool, String) {
    let state = client
        .execute(
            "const form = document.querySelector('form[data-wait-secs]'); \
             const shown = form.querySelector('[data-countdown]'); \
             return [shown ? Number(shown.textContent) : null, \
                     form.querySelector('button').disabled, form.innerText];",
            Vec::new(),
        )
        .await
        .unwrap();
    (
        state[0].as_u64(),
        state[1].as_bool().unwrap(),
        state[2].as_str().unwrap_or_default().to_owned(),
    )
}

/// The portal as `cargo run` starts it: SMS in development mode (codes go to the log, a
/// banner says so).
async fn portal_in_development_mode() -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("twostep.db").display());
    let mut settings = Settings::for_database(&url, dir.path());
    settings.bind = "127.0.0.1:0".parse().unwrap();
    let app = Application::build(settings).await.unwrap();
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    (address, dir)
}

/// The states no other journey reaches: forms refused, error pages signed out and in, and
/// the development-mode banner. Each is checked for accessibility.
#[tokio::test(flavor = "multi_thread")]
async fn refused_forms_and_error_pages() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, dir) = portal_in_development_mode().await;

    client.goto(&format!("{address}/login")).await.unwrap();
    expect_text(&client, "SMS is in development mode").await;
    check_page(&client, "sign-in page, SMS in development mode").await;

    client
        .goto(&format!("{address}/no-such-page"))
        .await
        .unwrap();
    expect_text(&client, "There is no page at this address.").await;
    check_page(&client, "page not found, signed out").await;

    client
        .goto(&format!("{address}/password/forgot"))
        .await
        .unwrap();
    expect_text(&client, "We will send a link to choose a new password.").await;
    check_page(&client, "forgot your password").await;
    press(&client, "Send reset link").await;
    expect_text(&client, "Enter the email address you sign in with.").await;
    check_page(&client, "forgot your password, refused").await;
    fill(&client, "Email", "nobody@example.com").await;
    press(&client, "Send reset link").await;
    expect_text(&client, "If an account has the address").await;
    check_page(&client, "check your email").await;

    client.goto(&format!("{address}/register")).await.unwrap();
    fill(&client, "Name", "Dorothy Vaughan").await;
    fill(&client, "Email", "not an email").await;
    fill(&client, "Password", "short").await;
    press(&client, "Create account").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "registration, refused").await;

    register(
        &client,
        &address,
        dir.path(),
        "Dorothy Vaughan",
        "dorothy@example.com",
    )
    .await;
    follow(&client, "Security").await;
    expect_text(&client, "Stay signed in for").await;
    check_keyboard_focus(&client, "security settings").await;

    client
        .goto(&format!("{address}/account/security/two-step"))
        .await
        .unwrap();
    press(&client, "Continue").await;
    expect_text(&client, "Choose how you want to get your codes.").await;
    check_page(&client, "choose a method, nothing chosen").await;
    follow(&client, "Cancel").await;

    follow(&client, "Change password").await;
    expect_text(&client, "Current password").await;
    check_page(&client, "change password").await;
    fill(&client, "Current password", "not my password at all").await;
    fill(&client, "New password", "short").await;
    press(&client, "Change password").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "change password, refused").await;

    client
        .goto(&format!("{address}/account/security/sms"))
        .await
        .unwrap();
    check_keyboard_focus(&client, "SMS set-up, phone number").await;
    fill(&client, "Phone number", "+46 70 555 98 76").await;
    press(&client, "Send code").await;
    expect_text(&client, "+46 ••• •• 76").await;
    enter_code(&client, "000000").await;
    expect_text(&client, "There is a problem").await;
    check_page(&client, "SMS set-up, wrong code").await;

    // A stored value sealed under a secret key the portal no longer holds, as a row restored
    // from an old backup would be (corrupted on purpose): a page that names the key.
    client
        .goto(&format!("{address}/account/security/app"))
        .await
        .unwrap();
    expect_text(&client, "Scan this QR code with it.").await;
    let database = format!("sqlite://{}", dir.path().join("twostep.db").display());
    let pool = sqlx::SqlitePool::connect(&database).await.unwrap();
    sqlx::query("UPDATE totp_secrets SET pending_sealed = 'b0a7c0de' || substr(pending_sealed, 9)")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    client.refresh().await.unwrap();
    expect_text(&client, "sealed under the secret key b0a7c0de").await;
    check_page(
        &client,
        "a stored value under a secret key the portal lacks",
    )
    .await;

    client
        .goto(&format!("{address}/no-such-page"))
        .await
        .unwrap();
    expect_text(&client, "There is no page at this address.").await;
    check_page(&client, "page not found, signed in").await;

    client.goto(&format!("{address}/logout")).await.unwrap();
    expect_text(&client, "Go back and use the page's own links and buttons.").await;
    check_page(&client, "method not allowed").await;

    // A form whose CSRF token no longer matches, as after the session changed in another
    // tab.
    client.goto(&format!("{address}/")).await.unwrap();
    client
        .execute(
            "document.querySelectorAll('input[name=csrf_token]').forEach((i) => { i.value = 'stale'; });",
            Vec::new(),
        )
        .await
        .unwrap();
    press(&client, "Sign out").await;
    expect_text(&client, "This form has expired").await;
    check_page(&client, "forbidden, form expired").await;
    client.close().await.unwrap();
}

/// WebDriver's codes for the keys a keyboard user presses.
const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const SPACE: &str = "\u{e00d}";

/// What a screen reader would call the focused element: its label, text, value or
/// `aria-label`.
async fn focused_name(client: &Client) -> String {
    let script = "const e = document.activeElement; if (!e) return ''; \
        const label = e.labels && e.labels.length ? e.labels[0].innerText : ''; \
        return [label, e.innerText || '', e.value || '', e.getAttribute('aria-label') || ''].join('|');";
    let name = client.execute(script, vec![]).await.unwrap();
    name.as_str().unwrap_or_default().to_owned()
}

/// Presses Tab until the focused element is named `name` (as `focused_name` reads it).
async fn tab_to(client: &Client, name: &str) {
    for _ in 0..80 {
        if focused_name(client)
            .await
            .split('|')
            .any(|part| part.trim() == name)
        {
            return;
        }
        key(client, TAB).await;
    }
    panic!("Tab never reached {name:?}");
}

/// Sends keys to whatever has focus, as a keyboard does.
async fn key(client: &Client, keys: &str) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// Signs in from the sign-in page with the keyboard alone.
async fn sign_in_by_keyboard(client: &Client, email: &str) {
    tab_to(client, "Email").await;
    key(client, email).await;
    tab_to(client, "Password").await;
    key(client, PASSWORD).await;
    key(client, ENTER).await;
}

/// Turns on SMS and signs in with a code using Tab, Enter and Space (which ticks a
/// checkbox and chooses a radio button) alone: no pointer.
#[tokio::test(flavor = "multi_thread")]
async fn a_keyboard_alone_turns_on_sms_and_signs_in() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal().await;
    register(
        &client,
        &address,
        dir.path(),
        "Mae Jemison",
        "mae@example.com",
    )
    .await;
    sign_out(&client).await;

    sign_in_by_keyboard(&client, "mae@example.com").await;
    expect_text(&client, "Hello, Mae Jemison").await;
    tab_to(&client, "Security").await;
    key(&client, ENTER).await;
    expect_text(&client, "My security settings").await;
    tab_to(&client, "Turn on 2-step verification").await;
    key(&client, ENTER).await;
    expect_text(&client, "How do you want to get your sign-in codes?").await;
    tab_to(&client, "Text message (SMS)").await;
    key(&client, SPACE).await;
    tab_to(&client, "Continue").await;
    key(&client, ENTER).await;
    expect_text(&client, "Enter the mobile number").await;
    tab_to(&client, "Phone number").await;
    key(&client, "+46 70 123 45 67").await;
    key(&client, ENTER).await;
    expect_text(&client, "+46 ••• •• 67").await;
    let code = sms.last_code_to("+46701234567");
    tab_to(&client, "Verification code").await;
    key(&client, &code).await;
    key(&client, ENTER).await;
    expect_text(&client, "I have saved my recovery codes").await;
    tab_to(&client, "I have saved my recovery codes").await;
    key(&client, SPACE).await;
    tab_to(&client, "Done").await;
    key(&client, ENTER).await;
    expect_summary(&client, "2-step verification", "On").await;

    tab_to(&client, "Sign out").await;
    key(&client, ENTER).await;
    expect_text(&client, "You have signed out.").await;
    sign_in_by_keyboard(&client, "mae@example.com").await;
    expect_text(&client, "Enter your verification code").await;
    let code = sms.last_code_to("+46701234567");
    tab_to(&client, "Verification code").await;
    key(&client, &code).await;
    key(&client, ENTER).await;
    expect_text(&client, "Hello, Mae Jemison").await;
    client.close().await.unwrap();
}
