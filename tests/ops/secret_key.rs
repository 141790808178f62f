//! A secret-key rotation as an operator runs it, with the release binary (README, "Rotating
//! the secret key"): the portal started on a new key with the old one listed as previous,
//! `twostep secret-key rotate` run while it serves (and again), then the old key removed.
//! An authenticator-app user, an SMS user and a browser they trusted work before, during
//! and after; a key that opens nothing stored is refused at start, naming it.

use reqwest::Client;
use twostep::config::SecretKey;
use twostep::domain::keyring::key_id;
use twostep::services::sms_codes::COOLDOWN_SECS;

use crate::flows::{browser, code_step, location, password_step, post, token_of};
use crate::kit::{Kit, oathtool, services_for};
use crate::portal::{Deployment, PASSWORD, Portal, fresh_postgres_database};

const SMS_USER: &str = "sms@example.com";
const PHONE: &str = "+46701110077";
const APP_USER: &str = "app@example.com";

thread_local! {
    /// When the SMS user was last texted a code (each test runs on a thread of its own).
    static LAST_TEXT: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
}

fn new_key() -> String {
    hex::encode(SecretKey::generate().expose())
}

fn id_of(key: &str) -> String {
    key_id(SecretKey::parse(key).unwrap().expose())
}

/// The person with the app: its key, and the last time step a sign-in used (a step is
/// never accepted twice, so each sign-in takes a later one).
struct AppUser {
    key: String,
    last_step: i64,
}

impl AppUser {
    /// A code of a step after the last one used that the portal accepts now (it takes the
    /// step before and after the current one), waiting for the next step if need be.
    async fn next_code(&mut self) -> String {
        loop {
            let now = chrono_now();
            let step = (self.last_step + 1).max(now / 30 - 1);
            if step <= now / 30 + 1 {
                self.last_step = step;
                return oathtool(&self.key, step * 30);
            }
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    }
}

fn chrono_now() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
    .unwrap()
}

/// A whole sign-in with password and app in a fresh browser: where it ends.
async fn app_sign_in(portal: &Portal, user: &mut AppUser) -> (Client, String) {
    let client = browser();
    let answer = password_step(&client, &portal.address, APP_USER, PASSWORD)
        .await
        .unwrap();
    assert_eq!(location(&answer), "/login/verify", "{}", portal.log());
    let code = user.next_code().await;
    let answer = code_step(&client, &portal.address, &code).await.unwrap();
    let place = location(&answer).to_owned();
    (client, place)
}

/// The SMS user's sign-in in `client`: the password, then (unless the browser is trusted)
/// the texted code, trusting the browser when `trust`. Where it ends. A code is texted at
/// most every `COOLDOWN_SECS`: a code step waits out the rest of the last one's.
async fn sms_sign_in(
    deployment: &Deployment,
    portal: &Portal,
    client: &Client,
    trust: bool,
) -> String {
    let cooldown = std::time::Duration::from_secs(COOLDOWN_SECS.unsigned_abs() + 1);
    let last_text = LAST_TEXT.with(std::cell::Cell::get);
    if let Some(waited) = last_text.map(|at| at.elapsed())
        && waited < cooldown
    {
        tokio::time::sleep(cooldown - waited).await;
    }
    let answer = password_step(client, &portal.address, SMS_USER, PASSWORD)
        .await
        .unwrap();
    if location(&answer) == "/" {
        return "/ without a code".into();
    }
    assert_eq!(location(&answer), "/login/verify", "{}", portal.log());
    let token = token_of(client, &portal.address, "/login/verify")
        .await
        .unwrap();
    let code = deployment.sms.last_code_to(PHONE);
    LAST_TEXT.with(|last| last.set(Some(std::time::Instant::now())));
    let mut fields = vec![("code", code.as_str())];
    if trust {
        fields.push(("trust_device", "on"));
    }
    let answer = post(client, &portal.address, "/login/verify", &token, &fields)
        .await
        .unwrap();
    location(&answer).to_owned()
}

/// Whether `client` is signed in: its security settings answer, not the sign-in page.
async fn signed_in(portal: &Portal, client: &Client) -> bool {
    let answer = client
        .get(portal.url("/account/security"))
        .send()
        .await
        .unwrap();
    answer.status() == 200
}

/// Everyone signs in: the app user and the SMS user in fresh browsers, and the trusted
/// browser with the password alone.
async fn everyone_signs_in(
    deployment: &Deployment,
    portal: &Portal,
    app: &mut AppUser,
    trusted: &Client,
    when: &str,
) {
    let (client, place) = app_sign_in(portal, app).await;
    assert_eq!(place, "/", "{when}: the app user:\n{}", portal.log());
    assert!(signed_in(portal, &client).await, "{when}");
    let fresh = browser();
    assert_eq!(
        sms_sign_in(deployment, portal, &fresh, false).await,
        "/",
        "{when}: the SMS user"
    );
    crate::flows::sign_out(trusted, &portal.address).await;
    assert_eq!(
        sms_sign_in(deployment, portal, trusted, false).await,
        "/ without a code",
        "{when}: the trusted browser"
    );
    portal.assert_log_clean();
}

async fn rotation_keeps_everyone_signing_in(database_url: String) {
    let old_key = new_key();
    let mut deployment = Deployment::new(database_url);
    deployment.secret_key = old_key.clone();
    deployment.prepare().await;
    let sms_id = deployment.add_user(SMS_USER, false, Some(PHONE)).await;
    assert!(sms_id > 0);
    let mut app = {
        let services = services_for(
            &deployment.database_url,
            SecretKey::parse(&old_key).unwrap(),
            &deployment.sms,
        )
        .await;
        let kit = Kit::new(&services, &deployment.sms);
        let id = kit
            .create_user(APP_USER, "Grace Hopper", PASSWORD, false)
            .await;
        let key = kit.turn_on_app(id).await;
        AppUser {
            key,
            last_step: chrono_now() / 30,
        }
    };

    // Before: the SMS user signs in and trusts the browser; the app user signs in and
    // stays signed in.
    let before = deployment.start().await;
    let trusted = browser();
    assert_eq!(sms_sign_in(&deployment, &before, &trusted, true).await, "/");
    let (kept, place) = app_sign_in(&before, &mut app).await;
    assert_eq!(place, "/");
    before.assert_log_clean();
    drop(before);

    // During: the new key, the old one listed as previous.
    let new = new_key();
    let mut during_deployment = deployment.clone();
    during_deployment.secret_key = new.clone();
    during_deployment
        .env
        .push(("TWOSTEP_SECRET_KEY_PREVIOUS", old_key.clone()));
    let during = during_deployment.start().await;
    assert!(
        signed_in(&during, &kept).await,
        "a session of the old key goes on while it is listed"
    );
    everyone_signs_in(&during_deployment, &during, &mut app, &trusted, "during").await;

    // The rotation, while the portal serves; then again, with nothing left to do.
    let (status, said) = during_deployment.run(&["secret-key", "rotate"]).await;
    assert!(status.success(), "{said}");
    assert!(
        said.contains(&format!("Secret key {}", id_of(&new))),
        "{said}"
    );
    assert!(
        said.contains(&format!("previous keys: {}", id_of(&old_key))),
        "{said}"
    );
    assert!(
        said.contains("totp_secrets.active_sealed: 1 re-sealed"),
        "{said}"
    );
    assert!(
        said.contains("signing_keys.sealed_private_key: 1 re-sealed"),
        "{said}"
    );
    assert!(said.contains("data_keys.sealed: 1 re-sealed"), "{said}");
    assert!(said.contains("Everything stored is sealed under"), "{said}");
    let (status, again) = during_deployment.run(&["secret-key", "rotate"]).await;
    assert!(status.success(), "{again}");
    assert!(
        !again.contains("re-sealed,") && !again.contains(" re-sealed\n"),
        "{again}"
    );
    assert!(
        again.contains("totp_secrets.active_sealed: nothing to re-seal"),
        "{again}"
    );
    // Re-sealed under the new key, and the old one still listed.
    assert!(signed_in(&during, &kept).await);
    crate::flows::sign_out(&trusted, &during.address).await;
    assert_eq!(
        sms_sign_in(&during_deployment, &during, &trusted, false).await,
        "/ without a code"
    );
    drop(during);

    // After: the old key gone.
    let mut after_deployment = deployment.clone();
    after_deployment.secret_key = new.clone();
    let after = after_deployment.start().await;
    everyone_signs_in(&after_deployment, &after, &mut app, &trusted, "after").await;
    assert!(
        signed_in(&after, &kept).await,
        "a session that made a request during the rotation was given a cookie of the new key"
    );
    drop(after);

    // A key that opens nothing stored: the portal does not start, and names the key it needs.
    let mut stranger = deployment.clone();
    stranger.secret_key = new_key();
    let (status, said) = stranger.run(&["serve"]).await;
    assert!(!status.success(), "{said}");
    assert!(said.contains(&id_of(&new)), "{said}");
    assert!(said.contains("TWOSTEP_SECRET_KEY_PREVIOUS"), "{said}");
}

#[tokio::test]
async fn a_rotation_keeps_every_method_working_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("rotation.db").display());
    rotation_keeps_everyone_signing_in(url).await;
}

#[tokio::test]
async fn a_rotation_keeps_every_method_working_on_postgres() {
    let Some(url) = fresh_postgres_database().await else {
        return;
    };
    rotation_keeps_everyone_signing_in(url).await;
}
