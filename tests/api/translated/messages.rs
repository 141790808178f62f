//! Translated emails and text messages (issue 26): each goes out in its recipient's
//! language, the choice on their profile, else the platform's default, read as they arrive
//! (the outbox, the test SMTP server, the SMS stand-in).

use twostep::domain::codes::fits_one_segment;
use twostep::domain::language::Language;

use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, submit_with};
use crate::mail::{app_mailing_to, eventually};
use crate::smtp::SmtpServer;
use crate::{on_both_databases, on_each_backend};

const NEW_PHONE: &str = "+46709876543";

/// Chooses `lang` in the "Language" menu of `browser`, signed in: the profile keeps it.
async fn choose_on_profile(app: &TestApp, browser: &reqwest::Client, lang: &str) {
    let fields = [("lang", lang), ("back", "/")];
    let chosen = submit_with(browser, &app.address, "/", "/language", &fields).await;
    assert_redirect_to(&chosen, "/");
}

/// The newest text message to `phone`, and its code read from the WebOTP line (the last
/// line, `@host #code`), as a browser reads it whatever the language.
fn texted_to(app: &TestApp, phone: &str) -> (String, String) {
    let sent = app.sms.sent();
    let body = sent
        .iter()
        .rev()
        .find(|m| m.to == phone)
        .unwrap_or_else(|| panic!("no text message to {phone}: {sent:?}"))
        .body
        .clone();
    let last = body.lines().last().unwrap_or_default();
    let code = last
        .rsplit_once(" #")
        .filter(|_| last.starts_with('@'))
        .map(|(_, code)| code.to_owned())
        .unwrap_or_else(|| panic!("no WebOTP line last in {body:?}"));
    (body, code)
}

/// The emails queued to `to`, oldest first: subject, text and HTML.
async fn queued_to(app: &TestApp, to: &str) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT subject, body, COALESCE(html_body, '') FROM outbox WHERE to_address = $1 ORDER BY id",
    )
    .bind(to)
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

/// The text of the email to `to` the SMTP server received with `words` in it.
async fn received_text(smtp: &SmtpServer, to: &str, words: &str) -> String {
    let find = || {
        smtp.received()
            .into_iter()
            .filter(|m| m.to == [to])
            .map(|m| m.text().replace("\r\n", "\n"))
            .find(|text| text.contains(words))
    };
    eventually(10, &format!("{words:?} arrives to {to}"), async || {
        find().is_some()
    })
    .await;
    find().unwrap()
}

/// None of `english` is left in `text`.
#[track_caller]
fn no_english(text: &str, english: &[&str]) {
    for words in english {
        assert!(!text.contains(words), "{words:?} is still English:\n{text}");
    }
}

/// Words of the notice frame and its advice in English.
const NOTICE_ENGLISH: [&str; 8] = [
    "Hello",
    "Account",
    "When",
    "Device",
    "From address",
    "If this was not you",
    "Sign-in codes",
    "My security settings",
];

async fn a_swedish_profile_gets_the_phone_change_notice_in_swedish(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    choose_on_profile(&app, &app.client, "sv").await;

    app.clock.advance(31);
    app.submit_phone(NEW_PHONE).await;
    // The code to the new number is in Swedish too.
    let (text, code) = texted_to(&app, NEW_PHONE);
    assert!(
        text.starts_with(&format!("Din verifieringskod för Twostep är {code}.\n\n@")),
        "{text}"
    );
    app.submit_phone_code(&code).await;

    let emails = queued_to(&app, "ada@example.com").await;
    let (subject, text, html) = emails.last().expect("the notice");
    assert_eq!(subject, "Ditt telefonnummer för Twostep har ändrats");
    let lines = [
        "Hej Ada Lovelace!",
        "Inloggningskoderna skickas nu med sms till ",
        "Konto: ada@example.com",
        "\nNär: ",
        "\nEnhet: ",
        "\nIP-adress: 127.0.0.1",
        "Om det inte var du, byt lösenord direkt och gå igenom Mina säkerhetsinställningar:\nhttp",
        "/account/security\n",
    ];
    for line in lines {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    no_english(text, &NOTICE_ENGLISH);
    assert!(!text.contains(NEW_PHONE), "the number is masked: {text}");

    assert!(html.contains(r#"<html lang="sv">"#), "{html}");
    assert!(
        html.contains("<title>Ditt telefonnummer för Twostep har ändrats</title>"),
        "{html}"
    );
    for words in [
        "<p>Hej Ada Lovelace!</p>",
        ">Konto</th><td>ada@example.com</td>",
        ">När</th>",
        ">Enhet</th>",
        ">IP-adress</th><td>127.0.0.1</td>",
        "Om det inte var du, byt lösenord direkt och gå igenom <a href=\"",
        "/account/security\">Mina säkerhetsinställningar</a>.</p>",
    ] {
        assert!(html.contains(words), "{words:?} in\n{html}");
    }
    no_english(html, &NOTICE_ENGLISH);
}

async fn a_german_platform_sends_a_german_reset_link_to_someone_without_a_choice(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.kit()
        .set_platform(|p| p.default_language = Language::German)
        .await;
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let asked = app
        .submit_on("/password/forgot", &[("email", "ada@example.com")])
        .await;
    assert!(asked.status().is_redirection(), "{}", asked.status());

    let text = received_text(&smtp, "ada@example.com", "/password/set?token=").await;
    for line in [
        "Hallo Ada Lovelace,",
        "Jemand hat von der Adresse 127.0.0.1 aus angefordert, das Passwort Ihres Twostep-Kontos (ada@example.com) zurückzusetzen.",
        "Neues Passwort wählen (innerhalb von 30 Minuten; der Link funktioniert einmal):\nhttp",
        "Ihre Bestätigung in zwei Schritten bleibt eingeschaltet",
        "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt, wie es ist.",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    no_english(
        &text,
        &[
            "Hello",
            "Someone asked",
            "Choose a new password",
            "If this was not you",
        ],
    );
    let (subject, _, _) = queued_to(&app, "ada@example.com")
        .await
        .pop()
        .expect("the reset email");
    assert_eq!(subject, "Passwort für Twostep zurücksetzen");
}

async fn an_estonian_profile_gets_its_sign_in_code_in_estonian_in_one_segment(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    choose_on_profile(&app, &app.client, "et").await;

    app.sign_in_again_after_the_cooldown("ada@example.com")
        .await;
    let (text, code) = texted_to(&app, PHONE);
    assert!(
        text.starts_with(&format!("Twostep: sinu kinnituskood on {code}.\n\n@")),
        "{text}"
    );
    assert!(text.ends_with(&format!(" #{code}")), "{text}");
    assert!(
        text.chars().count() <= 70 && fits_one_segment(&text),
        "{} characters: {text}",
        text.chars().count()
    );
    let done = app.submit_sign_in_code(&code).await;
    assert_redirect_to(&done, "/");
}

async fn a_new_device_is_told_of_in_swedish_with_a_swedish_date(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let fields = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let (first, _) = app.new_browser();
    let signed_in = submit_with(&first, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&signed_in, "/");
    choose_on_profile(&app, &first, "sv").await;

    let before = app.clock.now();
    let (second, _) = app.new_browser();
    let signed_in = submit_with(&second, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&signed_in, "/");
    let after = app.clock.now();

    let text = received_text(&smtp, "ada@example.com", "/secure-account?token=").await;
    for line in [
        "Hej Ada Lovelace!",
        "Någon loggade nyss in på ditt Twostep-konto (ada@example.com) från en webbläsare som kontot inte har använt förut.",
        "Det var inte jag (inom 7 dagar; länken fungerar en gång):\nhttp",
        "Webbläsare och system: ",
        "Adress: 127.0.0.1",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    // The date as Swedish writes it: "29 nov. 2026 kl. 19:34 UTC".
    let when = text
        .lines()
        .find_map(|line| line.strip_prefix("När: "))
        .unwrap_or_else(|| panic!("no date in\n{text}"));
    assert!(
        [before, after]
            .map(|t| Language::Swedish.instant(t))
            .contains(&when.to_owned()),
        "{when}"
    );
    assert!(when.contains(" kl. "), "{when}");
    no_english(
        &text,
        &[
            "Hello",
            "was just signed in",
            "This wasn't me",
            "When:",
            "Browser and system",
            "Address:",
        ],
    );
    let subjects: Vec<String> = queued_to(&app, "ada@example.com")
        .await
        .into_iter()
        .map(|(subject, _, _)| subject)
        .collect();
    assert_eq!(subjects, ["Ny inloggning på ditt Twostep-konto"]);
}

on_both_databases!(
    a_swedish_profile_gets_the_phone_change_notice_in_swedish,
    an_estonian_profile_gets_its_sign_in_code_in_estonian_in_one_segment,
);
on_each_backend!(a_german_platform_sends_a_german_reset_link_to_someone_without_a_choice => german_reset_sqlite, german_reset_postgres);
on_each_backend!(a_new_device_is_told_of_in_swedish_with_a_swedish_date => swedish_alert_sqlite, swedish_alert_postgres);
