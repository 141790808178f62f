//! What the portal tells people, by page and by email: the app name and SMS countries an
//! instance starts with.

use std::time::Duration;

use twostep::config::Settings;

use crate::admin::signed_in_admin;
use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to};
use crate::mail::eventually;
use crate::on_each_backend;
use crate::smtp::{Received, SmtpServer};

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
    let mut again = Settings::from_variables(|name| match name {
        "TWOSTEP_APP_NAME" => Some("Other Name".into()),
        "TWOSTEP_BIND" => Some("127.0.0.1:0".into()),
        "DATABASE_URL" => Some(app.database_url.clone()),
        "TWOSTEP_DATA_DIR" => Some(app.data_dir().display().to_string()),
        _ => None,
    })
    .unwrap();
    again.http_workers = 1;
    let second = twostep::startup::Application::build(again).await.unwrap();
    let address = format!("http://127.0.0.1:{}/login", second.port());
    tokio::spawn(second.run_until_stopped());
    let page = reqwest::get(&address).await.unwrap().text().await.unwrap();
    assert!(page.contains("· Acme Portal</title>"), "{page}");
}

on_each_backend!(a_fresh_instance_takes_its_name_and_sms_countries_from_the_environment => environment_names_the_app_sqlite, environment_names_the_app_postgres);
on_each_backend!(the_environment_seeds_the_settings_once => environment_seeds_once_sqlite, environment_seeds_once_postgres);
