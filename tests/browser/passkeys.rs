//! Passkeys in Chromium: the portal's own script asks `navigator.credentials`, and
//! WebDriver's WebAuthn extension gives the browser a virtual authenticator (a platform
//! passkey with user verification) to answer it, so the whole ceremony runs as a person's
//! would. Browsers make passkeys only for a site's name: the portal is at `localhost`.

use fantoccini::Client;
use fantoccini::wd::WebDriverCompatibleCommand;
use reqwest::Method;
use serde_json::{Value, json};

use super::accessibility::{check_keyboard_focus, check_page};
use super::admin::{
    add_account, add_administrator, add_member, page_shows, path_of, seeder,
    sign_in_as_administrator,
};
use super::kit::Kit;
use super::{
    PASSWORD, body_text, browser, browser_without_javascript, choose, codes_saved, enter_code,
    expect_summary, expect_text, fill, follow, free_port, portal_state, portal_with, press,
    press_labelled, register, sign_in, sign_out, standins, tick,
};

/// A command of WebDriver's WebAuthn extension, `path` under `/session/{id}/webauthn/`.
#[derive(Debug)]
struct WebAuthn {
    method: Method,
    path: String,
    body: Option<Value>,
}

impl WebDriverCompatibleCommand for WebAuthn {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("a WebDriver session");
        base_url.join(&format!("session/{session}/webauthn/{}", self.path))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        (
            self.method.clone(),
            self.body.as_ref().map(Value::to_string),
        )
    }
}

/// A virtual authenticator in the browser, as a laptop's screen lock: it keeps
/// discoverable passkeys and verifies its user.
struct Authenticator {
    id: String,
}

impl Authenticator {
    async fn add(client: &Client) -> Self {
        let added = client
            .issue_cmd(WebAuthn {
                method: Method::POST,
                path: "authenticator".into(),
                body: Some(json!({
                    "protocol": "ctap2",
                    "transport": "internal",
                    "hasResidentKey": true,
                    "hasUserVerification": true,
                    "isUserConsenting": true,
                    "isUserVerified": true,
                })),
            })
            .await
            .expect("Chromium adds a virtual authenticator");
        let id = added.as_str().expect("the authenticator's id").to_owned();
        Self { id }
    }

    /// Whether the fingerprint, face or screen lock is recognised from now on.
    async fn set_user_verified(&self, verified: bool, client: &Client) {
        client
            .issue_cmd(WebAuthn {
                method: Method::POST,
                path: format!("authenticator/{}/uv", self.id),
                body: Some(json!({ "isUserVerified": verified })),
            })
            .await
            .expect("the authenticator's user verification is set");
    }

    /// How many passkeys the authenticator holds.
    async fn passkeys(&self, client: &Client) -> usize {
        let credentials = client
            .issue_cmd(WebAuthn {
                method: Method::GET,
                path: format!("authenticator/{}/credentials", self.id),
                body: None,
            })
            .await
            .expect("the authenticator lists its passkeys");
        credentials.as_array().expect("a list").len()
    }
}

/// The portal at `http://localhost:{port}`, its public URL: passkeys are made for its
/// host name.
async fn portal_at_localhost() -> (String, standins::StandIn, tempfile::TempDir) {
    let port = free_port();
    let address = format!("http://localhost:{port}");
    let public = address.clone();
    let (_, sms, dir) = portal_with(move |settings| {
        settings.bind = format!("127.0.0.1:{port}").parse().unwrap();
        settings.public_url = public.parse().unwrap();
    })
    .await;
    (address, sms, dir)
}

/// Answers the password question if the portal asks it before a sensitive change.
async fn confirm_password_if_asked(client: &Client) {
    if body_text(client).await.contains("Confirm your password") {
        fill(client, "Password", PASSWORD).await;
        press(client, "Confirm").await;
    }
}

/// A person adds a passkey named "Laptop" (their first method: the recovery codes come),
/// signs in with the password and the passkey, then with the passkey alone (after one try
/// whose fingerprint was not recognised: the script says so and the page stays usable),
/// and removes it: 2-step verification goes off, and the passkey left on the laptop no
/// longer signs anyone in.
#[tokio::test(flavor = "multi_thread")]
async fn add_a_passkey_sign_in_with_it_and_remove_it() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let authenticator = Authenticator::add(&client).await;
    let (address, _sms, dir) = portal_at_localhost().await;
    register(
        &client,
        &address,
        dir.path(),
        "Grace Hopper",
        "grace@example.com",
    )
    .await;

    follow(&client, "Security").await;
    expect_text(&client, "You have no passkeys.").await;
    check_page(&client, "security settings, no passkeys").await;
    follow(&client, "Add a passkey").await;
    confirm_password_if_asked(&client).await;
    expect_text(&client, "So you can tell your passkeys apart").await;
    check_page(&client, "add a passkey").await;
    check_keyboard_focus(&client, "add a passkey").await;
    let script_ran = client
        .execute(
            "return document.querySelector('[data-needs-script]').hidden;",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(script_ran, Value::Bool(true), "no JavaScript notice");
    fill(&client, "Name", "Laptop").await;
    press(&client, "Create passkey").await;
    codes_saved(&client).await;
    expect_summary(&client, "2-step verification", "On").await;
    expect_text(&client, "Laptop").await;
    assert_eq!(
        authenticator.passkeys(&client).await,
        1,
        "a passkey was made"
    );
    let row = body_text(&client).await;
    assert!(row.contains("Not yet"), "never used yet:\n{row}");
    check_page(&client, "security settings, a passkey").await;

    sign_out(&client).await;
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "grace@example.com").await;
    expect_text(&client, "Use your passkey").await;
    check_page(&client, "sign-in, use your passkey").await;
    check_keyboard_focus(&client, "sign-in, use your passkey").await;
    press(&client, "Use a passkey").await;
    expect_text(&client, "Hello, Grace Hopper").await;

    sign_out(&client).await;
    client.goto(&format!("{address}/login")).await.unwrap();
    follow(&client, "Sign in with a passkey").await;
    expect_text(&client, "No password needed").await;
    check_page(&client, "sign in with a passkey").await;
    check_keyboard_focus(&client, "sign in with a passkey").await;
    // Signing in with a passkey alone needs the person verified: a finger not recognised
    // is refused in the browser, and the page says so where the button is.
    authenticator.set_user_verified(false, &client).await;
    press(&client, "Sign in with a passkey").await;
    expect_text(
        &client,
        "No passkey was used. Try again, or use another way below.",
    )
    .await;
    let problem = client
        .execute(
            "const p = document.getElementById('passkey-problem'); \
             return [p.getAttribute('role'), p.hidden, document.activeElement === p];",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(
        problem,
        json!(["alert", false, true]),
        "the problem is announced"
    );
    check_page(&client, "sign in with a passkey, none used").await;
    authenticator.set_user_verified(true, &client).await;
    press(&client, "Sign in with a passkey").await;
    expect_text(&client, "Hello, Grace Hopper").await;

    follow(&client, "Security").await;
    expect_text(&client, "Laptop").await;
    press_labelled(&client, "Remove Laptop").await;
    confirm_password_if_asked(&client).await;
    expect_text(
        &client,
        "The passkey was removed. It no longer signs you in.",
    )
    .await;
    expect_summary(&client, "2-step verification", "Off").await;
    expect_text(&client, "You have no passkeys.").await;
    check_page(&client, "security settings, the passkey removed").await;

    // The laptop still holds the passkey; the portal no longer knows it.
    sign_out(&client).await;
    client
        .goto(&format!("{address}/login/passkey"))
        .await
        .unwrap();
    press(&client, "Sign in with a passkey").await;
    expect_text(&client, "Your passkey was not accepted.").await;
    check_page(&client, "sign in with a passkey, refused").await;
    client.close().await.unwrap();
}

/// Someone who signs in with text messages adds a passkey: from then on the passkey is
/// asked first, no text is sent by itself, and "Use text message" is one link away.
/// "Trust this device" at the passkey keeps the second step away on this browser.
#[tokio::test(flavor = "multi_thread")]
async fn an_sms_user_adds_a_passkey_and_it_comes_first() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    Authenticator::add(&client).await;
    let (address, sms, dir) = portal_at_localhost().await;
    let state = portal_state(&dir);
    let kit = Kit::new(&state.services, &sms);
    let id = kit
        .create_user("annie@example.com", "Annie Easley", PASSWORD, false)
        .await;
    let phone = "+46705550177";
    kit.turn_on_sms(id, phone).await;

    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "annie@example.com").await;
    expect_text(&client, "We sent a 6-digit code by text message").await;
    enter_code(&client, &sms.last_code_to(phone)).await;
    expect_text(&client, "Hello, Annie Easley").await;
    follow(&client, "Security").await;
    follow(&client, "Add a passkey").await;
    confirm_password_if_asked(&client).await;
    fill(&client, "Name", "Work phone").await;
    press(&client, "Create passkey").await;
    expect_text(
        &client,
        "Your passkey was added. Sign-in now asks for it after your password.",
    )
    .await;
    expect_text(&client, "Work phone").await;
    expect_summary(&client, "Method", "Passkey").await;
    check_page(&client, "security settings, a passkey beside text messages").await;

    sign_out(&client).await;
    let texts = sms.count_to(phone);
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "annie@example.com").await;
    expect_text(&client, "Use your passkey").await;
    assert_eq!(sms.count_to(phone), texts, "no text sent by itself");
    follow(&client, "Use text message").await;
    expect_text(&client, "Choose \"Send code\", then enter the code.").await;
    check_page(
        &client,
        "sign-in code, a text message asked for instead of a passkey",
    )
    .await;
    assert_eq!(sms.count_to(phone), texts, "opening the page sends nothing");
    follow(&client, "Use a passkey").await;
    expect_text(&client, "Use your passkey").await;
    tick(&client, "trust_device").await;
    press(&client, "Use a passkey").await;
    expect_text(&client, "Hello, Annie Easley").await;

    sign_out(&client).await;
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "annie@example.com").await;
    expect_text(&client, "Hello, Annie Easley").await;
    assert_eq!(sms.count_to(phone), texts, "no text at all");
    client.close().await.unwrap();
}

/// With JavaScript off the page to add a passkey says that passkeys need it, and
/// "Create passkey" pressed anyway is refused with words, not an error page.
#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_a_passkey_cannot_be_added_and_the_page_says_why() {
    let Some((client, _driver)) = browser_without_javascript().await else {
        return;
    };
    let (address, _sms, dir) = portal_at_localhost().await;
    register(
        &client,
        &address,
        dir.path(),
        "Mary Jackson",
        "mary@example.com",
    )
    .await;
    follow(&client, "Security").await;
    follow(&client, "Add a passkey").await;
    confirm_password_if_asked(&client).await;
    expect_text(
        &client,
        "Passkeys need JavaScript: turn it on for this site, or use another way.",
    )
    .await;
    fill(&client, "Name", "Laptop").await;
    press(&client, "Create passkey").await;
    expect_text(&client, "There is a problem").await;
    expect_text(&client, "No passkey was created.").await;
    let page = body_text(&client).await;
    assert!(page.contains("passkeys need JavaScript"), "{page}");
    let name = client
        .find(fantoccini::Locator::Id("name"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(name.as_deref(), Some("Laptop"), "what was typed is kept");
    client
        .goto(&format!("{address}/account/security"))
        .await
        .unwrap();
    expect_text(&client, "You have no passkeys.").await;
    client.close().await.unwrap();

    // axe needs scripts: the refusal is checked in a browser with JavaScript on, the
    // script bypassed by a credential that is no passkey.
    let Some((client, _driver)) = browser().await else {
        return;
    };
    client.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&client, "mary@example.com").await;
    expect_text(&client, "Hello, Mary Jackson").await;
    client
        .goto(&format!("{address}/account/security/passkeys/new"))
        .await
        .unwrap();
    confirm_password_if_asked(&client).await;
    fill(&client, "Name", "Laptop").await;
    client
        .execute(
            "document.querySelector('input[name=credential]').value = '{}';",
            Vec::new(),
        )
        .await
        .unwrap();
    press(&client, "Create passkey").await;
    expect_text(&client, "No passkey was created.").await;
    check_page(&client, "add a passkey, none created").await;
    client.close().await.unwrap();
}

/// An administrator makes a group require 2-step verification with passkeys only and a
/// 7-day grace period. Its member, who has no method yet, meets "Add a passkey" with
/// Passkey the only choice, sets it up later (every page then says by when), adds one
/// with the laptop's screen lock and saves the recovery codes; the last passkey has no
/// "Remove". At the next sign-in the passkey is the second step, a recovery code the only
/// other way: no text message.
#[tokio::test(flavor = "multi_thread")]
async fn a_group_held_to_passkeys_sends_its_member_to_add_one() {
    let Some((client, _driver)) = browser().await else {
        return;
    };
    let (address, sms, dir) = portal_at_localhost().await;
    let seeder = seeder(&dir, &sms);
    add_administrator(&seeder).await;
    add_account(&seeder, "Katherine Johnson", "katherine@example.com", false).await;

    sign_in_as_administrator(&client, &address, &sms).await;
    follow(&client, "Control center").await;
    expect_text(&client, "2-step verification in use").await;
    follow(&client, "Groups").await;
    fill(&client, "Group name", "Flight research").await;
    press(&client, "Create group").await;
    expect_text(&client, "The group was created.").await;
    add_member(&client, "katherine@example.com").await;
    expect_text(&client, "Methods members may use").await;
    choose(&client, "Required").await;
    choose(&client, "Passkeys only").await;
    fill(&client, "Grace period (days)", "7").await;
    press(&client, "Save").await;
    expect_text(&client, "must set it up within the grace period").await;
    check_page(
        &client,
        "control center, a group, the Required preview with passkeys only",
    )
    .await;
    press(&client, "Save and require 2-step verification").await;
    expect_text(&client, "The rule for members was saved.").await;
    let chosen = client
        .execute(
            "return [document.getElementById('rule-required').checked, \
             document.getElementById('methods-passkeys').checked, \
             document.getElementById('grace_days').value];",
            Vec::new(),
        )
        .await
        .unwrap();
    assert_eq!(chosen, json!([true, true, "7"]), "the rule as saved");
    check_page(&client, "control center, a group held to passkeys only").await;
    follow(&client, "Back to groups").await;
    expect_text(&client, "Required (grace period 7 days)").await;
    follow(&client, "Security settings").await;
    expect_text(&client, "Administrators must use passkeys").await;
    check_page(
        &client,
        "control center security settings, administrators and passkeys",
    )
    .await;

    // The member, in another browser whose laptop has a screen lock for passkeys.
    let Some((member, _member_driver)) = browser().await else {
        return;
    };
    let laptop = Authenticator::add(&member).await;
    member.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&member, "katherine@example.com").await;
    expect_text(
        &member,
        "Your administrator requires a passkey for your account",
    )
    .await;
    expect_text(&member, "Add one now, or later within the time left.").await;
    assert_eq!(path_of(&member).await, "/account/security/two-step");
    let offered = body_text(&member).await;
    assert!(
        offered.contains("Passkey")
            && !offered.contains("Text message")
            && !offered.contains("Authenticator app"),
        "a passkey is the only choice:\n{offered}"
    );
    check_page(&member, "forced set-up, passkeys only, with set up later").await;
    press(&member, "Set up later (7 days left)").await;
    expect_text(&member, "Hello, Katherine Johnson").await;
    expect_text(&member, "Add a passkey by").await;
    check_page(&member, "home, the add-a-passkey banner after Set up later").await;

    follow(&member, "Add one now").await;
    expect_text(&member, "How do you want to verify it is you?").await;
    press(&member, "Continue").await;
    confirm_password_if_asked(&member).await;
    fill(&member, "Name", "Laptop").await;
    press(&member, "Create passkey").await;
    codes_saved(&member).await;
    expect_summary(&member, "2-step verification", "On").await;
    expect_text(
        &member,
        "Your last passkey cannot be removed: your administrator requires a passkey for your account.",
    )
    .await;
    assert_eq!(laptop.passkeys(&member).await, 1, "a passkey was made");
    assert!(
        member
            .find(fantoccini::Locator::XPath(
                "//button[@aria-label='Remove Laptop']"
            ))
            .await
            .is_err(),
        "the last passkey has no Remove"
    );
    assert!(
        !page_shows(&member, "Add a passkey by").await,
        "the banner is gone once a passkey is added"
    );
    check_page(&member, "security settings, the last passkey kept").await;

    sign_out(&member).await;
    member.goto(&format!("{address}/login")).await.unwrap();
    sign_in(&member, "katherine@example.com").await;
    expect_text(&member, "Use your passkey").await;
    expect_text(&member, "Use a recovery code").await;
    assert!(
        !page_shows(&member, "Use text message").await
            && !page_shows(&member, "Use authenticator app").await,
        "a passkey or a recovery code, nothing else"
    );
    check_page(&member, "sign-in, a passkey only").await;
    check_keyboard_focus(&member, "sign-in, a passkey only").await;
    press(&member, "Use a passkey").await;
    expect_text(&member, "Hello, Katherine Johnson").await;
    assert_eq!(path_of(&member).await, "/");
    member.close().await.unwrap();
    client.close().await.unwrap();
}
