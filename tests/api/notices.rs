//! What the portal tells people, by page and by email: the app name and SMS countries an
//! instance starts with, an email for every security change (none with a secret in it),
//! an administrator's actions written as theirs, and a disabled account named only to
//! whoever knows its password.

use std::time::Duration;

use twostep::config::Settings;

use crate::admin::signed_in_admin;
use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, cookie_value, oathtool,
};
use crate::mail::{app_mailing_to, eventually};
use crate::smtp::{Received, SmtpServer};
use crate::{on_both_databases, on_each_backend};

/// A portal started from environment variables (these, and where the test keeps its
/// database), texting through the test's stand-in and mailing to `smtp`.
async fn app_from_variables(
    backend: Backend,
    smtp: &SmtpServer,
    variables: &[(&'static str, &'static str)],
) -> Option<TestApp> {
    let mut variables: Vec<(&str, String)> = variables
        .iter()
        .map(|(k, v)| (*k, (*v).to_owned()))
        .collect();
    variables.push(("TWOSTEP_SMTP_URL", smtp.url()));
    TestApp::spawn_with(backend, move |settings| {
        variables.push(("DATABASE_URL", settings.database_url.clone()));
        variables.push(("TWOSTEP_DATA_DIR", settings.data_dir.display().to_string()));
        variables.push(("TWOSTEP_BIND", "127.0.0.1:0".into()));
        let from_env = Settings::from_variables(|name| {
            variables
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| value.clone())
        })
        .expect("the variables are valid");
        let mut mail = from_env.mail.clone();
        mail.retry_base = Duration::from_secs(1);
        mail.poll = Duration::from_millis(100);
        *settings = Settings {
            sms: settings.sms.clone(),
            http_workers: settings.http_workers,
            mail,
            ..from_env
        };
    })
    .await
}

/// The newest email to `to`, once it has arrived.
async fn arrived(smtp: &SmtpServer, to: &str, subject: &str) -> Received {
    let find = || {
        smtp.received()
            .into_iter()
            .rev()
            .find(|m| m.to == [to] && m.header("Subject").as_deref() == Some(subject))
    };
    eventually(10, &format!("{subject:?} arrives to {to}"), async || {
        find().is_some()
    })
    .await;
    find().unwrap()
}

async fn a_fresh_instance_takes_its_name_and_sms_countries_from_the_environment(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let variables = [
        ("TWOSTEP_APP_NAME", "Acme Portal"),
        ("TWOSTEP_SMS_ALLOWED_COUNTRIES", "SE"),
        ("TWOSTEP_MAIL_FROM", "no-reply@acme.test"),
    ];
    let Some(app) = app_from_variables(backend, &smtp, &variables).await else {
        return;
    };
    let sign_in = app.get_text("/login").await;
    assert!(sign_in.contains("· Acme Portal</title>"), "{sign_in}");
    assert!(!sign_in.contains("Twostep"), "{sign_in}");

    // Texts go to the countries allowed only.
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let norway = app.submit_phone("+47 912 34 567").await;
    assert_page(norway, 422, "cannot be sent to numbers in this country").await;
    assert!(app.sms.sent().is_empty());
    let sweden = app.submit_phone(PHONE).await;
    assert_redirect_to(&sweden, "/account/security/sms/verify");
    assert!(app.sms.last_code_to(PHONE).len() == 6);
    let text = &app.sms.sent()[0].body;
    assert!(
        text.starts_with("Your Acme Portal verification code is"),
        "{text}"
    );

    // Emails come from the app name, at the address of TWOSTEP_MAIL_FROM.
    app.post_logout().await;
    app.submit_on("/password/forgot", &[("email", "ada@example.com")])
        .await;
    let email = arrived(&smtp, "ada@example.com", "Reset your Acme Portal password").await;
    assert_eq!(email.from, "no-reply@acme.test");
    let from = email.header("From").unwrap();
    assert!(
        from.contains("Acme Portal") && from.ends_with("<no-reply@acme.test>"),
        "{from}"
    );
    assert!(email.text().contains("\nAcme Portal"), "{}", email.text());
}

/// From then on it is a platform setting: a later start with another name does not
/// overwrite it.
async fn the_environment_seeds_the_settings_once(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) =
        app_from_variables(backend, &smtp, &[("TWOSTEP_APP_NAME", "Acme Portal")]).await
    else {
        return;
    };
    signed_in_admin(&app).await;
    let page = app.get_text("/admin/security").await;
    assert!(page.contains(r#"value="Acme Portal""#), "{page}");

    // A second instance on the same database, started with another name.
    let page = sign_in_page_of_another_instance(&app, "Other Name").await;
    assert!(page.contains("· Acme Portal</title>"), "{page}");
}

/// An instance that first started without TWOSTEP_APP_NAME (or before it was read) stored
/// the built-in name; started with the variable, it shows the variable's name.
async fn a_name_still_at_the_default_takes_the_environments(backend: Backend) {
    let Some(app) = TestApp::spawn(backend).await else {
        return;
    };
    assert!(app.get_text("/login").await.contains("· Twostep</title>"));
    let page = sign_in_page_of_another_instance(&app, "Acme Portal").await;
    assert!(page.contains("· Acme Portal</title>"), "{page}");
}

/// The sign-in page of a second instance on `app`'s database, started with this app name.
async fn sign_in_page_of_another_instance(app: &TestApp, app_name: &str) -> String {
    let mut settings = Settings::from_variables(|name| match name {
        "TWOSTEP_APP_NAME" => Some(app_name.to_owned()),
        "TWOSTEP_BIND" => Some("127.0.0.1:0".into()),
        "DATABASE_URL" => Some(app.database_url.clone()),
        "TWOSTEP_DATA_DIR" => Some(app.data_dir().display().to_string()),
        "TWOSTEP_SECRET_KEY" => Some(hex::encode(app.state.settings.secret_key.expose())),
        _ => None,
    })
    .unwrap();
    settings.http_workers = 1;
    let second = twostep::startup::Application::build(settings)
        .await
        .unwrap();
    let address = format!("http://127.0.0.1:{}/login", second.port());
    tokio::spawn(second.run_until_stopped());
    reqwest::get(&address).await.unwrap().text().await.unwrap()
}

on_each_backend!(a_name_still_at_the_default_takes_the_environments => default_name_replaced_sqlite, default_name_replaced_postgres);
on_each_backend!(a_fresh_instance_takes_its_name_and_sms_countries_from_the_environment => environment_names_the_app_sqlite, environment_names_the_app_postgres);
on_each_backend!(the_environment_seeds_the_settings_once => environment_seeds_once_sqlite, environment_seeds_once_postgres);

const NEW_PHONE: &str = "+46709876543";
const NEW_PASSWORD: &str = "amber lanterns drift upstream";

/// The emails queued to `to`, oldest first: subject, text and HTML.
async fn emails_to(app: &TestApp, to: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT subject, body, COALESCE(html_body, '') FROM outbox WHERE to_address = $1 ORDER BY id",
    )
    .bind(to)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

/// Every change PRODUCT.md lists is emailed: a factor, the phone number, the recovery codes,
/// the password, a device trusted, a recovery code used. No email holds a code, a key, a
/// password, a device's token or the whole phone number.
async fn every_security_change_is_emailed_without_a_secret(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    app.submit_phone(PHONE).await;
    let first_code = app.sms.last_code_to(PHONE);
    app.submit_phone_code(&first_code).await;
    let first_codes = app.shown_recovery_codes().await;
    app.confirm_codes_saved().await;
    app.clock.advance(31);
    app.submit_phone(NEW_PHONE).await;
    let phone_code = app.sms.last_code_to(NEW_PHONE);
    app.submit_phone_code(&phone_code).await;
    let key = app.switch_to_the_app().await;
    let new_codes = app.regenerate_recovery_codes().await;
    app.confirm_codes_saved().await;
    let changed = app.change_password(GOOD_PASSWORD, NEW_PASSWORD).await;
    assert!(changed.status().is_redirection(), "{}", changed.status());

    // Signing in with a recovery code, then with the app on a device to trust.
    app.post_logout().await;
    let step = app.post_login("ada@example.com", NEW_PASSWORD).await;
    assert_redirect_to(&step, "/login/verify");
    assert_redirect_to(
        &app.submit_recovery_code(&new_codes[0]).await,
        "/account/security?notice=recovery-used",
    );
    app.post_logout().await;
    app.clock.advance(30);
    app.post_login("ada@example.com", NEW_PASSWORD).await;
    let app_code = oathtool(&key, app.clock.now());
    let fields = [
        ("code", app_code.as_str()),
        ("with", "app"),
        ("trust_device", "yes"),
    ];
    let trusted = app.submit_on("/login/verify?with=app", &fields).await;
    assert_redirect_to(&trusted, "/");
    let device = cookie_value(&app.jar, &app.address, "twostep_trusted").unwrap();

    let emails = emails_to(&app, "ada@example.com").await;
    let subjects: Vec<&str> = emails.iter().map(|(s, _, _)| s.as_str()).collect();
    assert_eq!(
        subjects,
        [
            "2-step verification is on for your Twostep account",
            "Your Twostep phone number was changed",
            "Your Twostep sign-in codes now come from an authenticator app",
            "New recovery codes for your Twostep account",
            "Your Twostep password was changed",
            "A recovery code was used to sign in to Twostep",
            "A new device was trusted on your Twostep account",
        ]
    );
    let (_, password, html) = &emails[4];
    for words in [
        "The password of your account was changed",
        "If this was not you, choose a new password at once with Forgot your password?:",
        "/password/forgot",
        "From address: 127.0.0.1",
    ] {
        assert!(password.contains(words), "{words:?} in {password}");
    }
    assert!(
        html.contains(r#"/password/forgot">Forgot your password?</a>"#),
        "{html}"
    );

    let mut secrets = vec![
        GOOD_PASSWORD.to_owned(),
        NEW_PASSWORD.to_owned(),
        first_code,
        phone_code,
        key,
        app_code,
        device,
        PHONE.to_owned(),
        NEW_PHONE.to_owned(),
    ];
    secrets.extend(first_codes);
    secrets.extend(new_codes);
    for (subject, text, html) in &emails {
        for secret in &secrets {
            assert!(
                !text.contains(secret.as_str()) && !html.contains(secret.as_str()),
                "{secret:?} in the email {subject:?}"
            );
        }
    }
}

on_both_databases!(every_security_change_is_emailed_without_a_secret);

/// What an administrator does to an account is emailed as their action, with advice the
/// person can follow, and without the administrator's device or address.
async fn an_administrators_actions_are_emailed_as_theirs(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    signed_in_admin(&app).await;
    let ada = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let page = format!("/admin/users/{ada}");
    let actions = [
        ("disable", "Your Twostep account was disabled"),
        ("enable", "Your Twostep account was enabled again"),
        ("make-admin", "You are now an administrator of Twostep"),
        (
            "remove-admin",
            "You are no longer an administrator of Twostep",
        ),
        ("sign-out", "You were signed out of Twostep everywhere"),
        (
            "reset",
            "An administrator reset 2-step verification on your Twostep account",
        ),
        ("password-link", "Choose your Twostep password"),
    ];
    for (action, _) in actions {
        let done = app.submit(&page, &format!("{page}/{action}"), &[]).await;
        assert!(
            done.status().is_success() || done.status().is_redirection(),
            "{action}: {}",
            done.status()
        );
    }
    let phone = app
        .submit(
            &page,
            &format!("{page}/phone"),
            &[("phone", "+46 70 123 45 99")],
        )
        .await;
    assert!(phone.status().is_redirection(), "{}", phone.status());

    let phone_subject = "Your Twostep phone number was changed";
    for (_, subject) in actions.iter().chain([&("phone", phone_subject)]) {
        let text = arrived(&smtp, "ada@example.com", subject).await.text();
        assert!(text.contains("Your administrator "), "{subject}: {text}");
        for misleading in [
            "change your password",
            "If this was not you",
            "From address",
            "Device:",
        ] {
            assert!(
                !text.contains(misleading),
                "{misleading:?} in {subject}: {text}"
            );
        }
    }
    let disabled = arrived(&smtp, "ada@example.com", actions[0].1).await.text();
    assert!(
        disabled.contains("If you think this is a mistake, ask your administrator.")
            && !disabled.contains("/account/security"),
        "{disabled}"
    );
    let phone = arrived(&smtp, "ada@example.com", phone_subject)
        .await
        .text();
    assert!(
        phone.contains("+46 ••• •• 99") && !phone.contains("+46701234599"),
        "{phone}"
    );
}

on_each_backend!(an_administrators_actions_are_emailed_as_theirs => administrators_actions_sqlite, administrators_actions_postgres);

/// The right password of a disabled account is told the account is disabled; a wrong one
/// gets the answer any wrong password gets.
async fn a_disabled_account_is_named_only_to_its_password(app: TestApp) {
    signed_in_admin(&app).await;
    let ada = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let page = format!("/admin/users/{ada}");
    app.submit(&page, &format!("{page}/disable"), &[]).await;
    app.post_logout().await;

    let unknown = app
        .post_login("nobody@example.com", "not the password")
        .await;
    let unknown = assert_page(unknown, 401, "The email or password is incorrect.").await;
    let wrong = app.post_login("ada@example.com", "not the password").await;
    let wrong = assert_page(wrong, 401, "The email or password is incorrect.").await;
    assert_eq!(
        wrong.replace("ada@example.com", "nobody@example.com"),
        unknown,
        "a wrong password says nothing of the account"
    );
    assert!(!wrong.contains("disabled"));

    let right = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let right = assert_page(
        right,
        403,
        "This account is disabled. Ask your administrator if you think this is a mistake.",
    )
    .await;
    assert!(!right.contains("incorrect"));
    let signed_out = app.get("/account/security").await;
    assert_eq!(signed_out.status(), 303, "nobody is signed in");
    assert_eq!(app.count_events("sign_in.failed").await, 3);
}

on_both_databases!(a_disabled_account_is_named_only_to_its_password);
