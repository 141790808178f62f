//! Translated emails and text messages (issue 26): each goes out in its recipient's
//! language, the choice on their profile, else the platform's default; to someone with no
//! account yet, in the language of the page that asked. Read as they arrive (the outbox,
//! the test SMTP server, the SMS stand-in).

use twostep::domain::codes::fits_one_segment;
use twostep::domain::language::Language;

use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, oathtool, submit_with,
};
use crate::mail::{app_mailing_to, eventually};
use crate::smtp::SmtpServer;
use crate::standins::code_in;
use crate::{on_both_databases, on_each_backend};

const NEW_PHONE: &str = "+46709876543";
const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

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
    let code = code_in(&body);
    (body, code)
}

/// A browser of its own whose pages are in `lang` (its `Accept-Language`), sending
/// `headers` besides.
fn browser_speaking(lang: &str, headers: &[(&'static str, &str)]) -> reqwest::Client {
    let mut map = reqwest::header::HeaderMap::new();
    map.insert("accept-language", lang.parse().unwrap());
    for (name, value) in headers {
        map.insert(*name, value.parse().unwrap());
    }
    reqwest::Client::builder()
        .default_headers(map)
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The detail the audit log stored with the newest `event`.
async fn stored_detail(app: &TestApp, event: &str) -> String {
    sqlx::query_scalar(
        "SELECT detail FROM audit_events WHERE event = $1 AND detail IS NOT NULL ORDER BY id DESC",
    )
    .bind(event)
    .fetch_optional(&app.db.pool)
    .await
    .unwrap()
    .unwrap_or_else(|| panic!("no {event} with a detail"))
}

/// The newest email queued to `to` with `subject`: its text and HTML.
async fn titled(app: &TestApp, to: &str, subject: &str) -> (String, String, String) {
    queued_to(app, to)
        .await
        .into_iter()
        .rfind(|(queued, _, _)| queued == subject)
        .unwrap_or_else(|| panic!("no {subject:?} to {to}"))
}

/// The newest email queued to `to`: subject, text and HTML.
async fn newest_to(app: &TestApp, to: &str) -> (String, String, String) {
    queued_to(app, to)
        .await
        .pop()
        .unwrap_or_else(|| panic!("no email to {to}"))
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
        "Neues Passwort wählen (innerhalb von 30 Minuten; der Link kann einmal verwendet werden):\nhttp",
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

/// Someone with no account yet reads the confirmation in the language of the browser that
/// registered, though a background worker writes it; so does the owner of a taken address
/// who chose no language.
async fn registering_from_a_german_browser_gets_german_emails(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let german = browser_speaking("de", &[]);
    for (name, email) in [
        ("Grace Hopper", "grace@example.com"),
        ("Impostor", "ada@example.com"),
    ] {
        let fields = [
            ("name", name),
            ("email", email),
            ("password", GOOD_PASSWORD),
        ];
        let sent = submit_with(&german, &app.address, "/register", "/register", &fields).await;
        assert_redirect_to(&sent, "/register/check-email");
    }
    app.registrations_settled().await;

    // Sealed in the outbox (it holds a link): read as it arrives.
    let (subject, _, _) = newest_to(&app, "grace@example.com").await;
    assert_eq!(subject, "E-Mail-Adresse für Twostep bestätigen");
    let text = received_text(&smtp, "grace@example.com", "/register/confirm?token=").await;
    for line in [
        "Hallo Grace Hopper,",
        "Jemand, wahrscheinlich Sie, hat von der Adresse 127.0.0.1 aus ein Twostep-Konto für grace@example.com erstellt.",
        "E-Mail-Adresse bestätigen und anmelden (innerhalb von 24 Stunden; der Link kann einmal verwendet werden)",
        "/register/confirm?token=",
        "Wenn Sie das nicht waren, ignorieren Sie diese E-Mail",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    no_english(
        &text,
        &["Hello", "Someone", "Confirm", "If this was not you"],
    );

    let (subject, text, _) = newest_to(&app, "ada@example.com").await;
    assert_eq!(subject, "Sie haben bereits ein Twostep-Konto");
    assert!(
        text.contains("Sie haben bereits eines, daher wurde nichts erstellt."),
        "{text}"
    );
    no_english(&text, &["Hello", "Someone", "already", "Sign in"]);
}

/// A phone registration from an Estonian browser: the code in Estonian, in one segment,
/// and the email that confirms the address too.
async fn registering_by_phone_from_an_estonian_browser_texts_in_estonian(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let Some(app) = app_mailing_to(backend, &smtp).await else {
        return;
    };
    app.kit().set_platform(|p| p.phone_sign_in = true).await;
    let estonian = browser_speaking("et", &[]);
    let page = "/register/phone";
    let asked = submit_with(&estonian, &app.address, page, page, &[("phone", PHONE)]).await;
    assert_redirect_to(&asked, "/register/phone/verify");
    eventually(10, "a text message", async || app.sms.count_to(PHONE) >= 1).await;
    let (text, code) = texted_to(&app, PHONE);
    assert!(
        text.starts_with(&format!("Twostep: sinu kinnituskood on {code}.\n\n@")),
        "{text}"
    );
    assert!(
        text.chars().count() <= 70 && fits_one_segment(&text),
        "{text}"
    );

    let page = "/register/phone/verify";
    let verified = submit_with(&estonian, &app.address, page, page, &[("code", &code)]).await;
    assert_redirect_to(&verified, "/register/phone/details");
    let page = "/register/phone/details";
    let fields = [("name", "Grace Hopper"), ("email", "grace@example.com")];
    let created = submit_with(&estonian, &app.address, page, page, &fields).await;
    assert_redirect_to(&created, "/?notice=welcome-phone");
    let (subject, _, _) = newest_to(&app, "grace@example.com").await;
    assert_eq!(subject, "Twostep: kinnita oma e-posti aadress");
    let text = received_text(&smtp, "grace@example.com", "/register/confirm?token=").await;
    assert!(text.contains("Tere, Grace Hopper!"), "{text}");
    no_english(&text, &["Hello", "Someone", "Confirm"]);
}

/// "Ask my administrators for help" reaches each administrator in their own language, and
/// one who chose none in the platform's.
async fn each_administrator_is_asked_for_help_in_their_own_language(app: TestApp) {
    let swedish = app
        .create_user("admin@example.com", "Ada Admin", true)
        .await;
    // Their choice, saved as the profile's Language select saves it.
    app.state
        .services
        .set_language(swedish, Some(Language::Swedish))
        .await
        .unwrap();
    app.create_user("second@example.com", "Second Admin", true)
        .await;
    app.create_sms_user("ada@example.com", PHONE).await;
    let (browser, _) = app.password_step_in_new_browser("ada@example.com").await;
    let page = "/login/lost-phone";
    let asked = submit_with(&browser, &app.address, page, page, &[]).await;
    assert_eq!(asked.status(), 200);

    let (subject, text, html) = newest_to(&app, "admin@example.com").await;
    assert_eq!(
        subject,
        "Ada Lovelace kan inte logga in på Twostep: har tappat bort telefonen"
    );
    for line in [
        "Hej Ada Admin!",
        "Ada Lovelace (ada@example.com) loggade in med sitt lösenord men kan inte få någon verifieringskod",
        "Öppna personens sida i kontrollpanelen",
        "/admin/users/",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(html.contains(r#"<html lang="sv">"#), "{html}");
    no_english(
        &text,
        &["Hello", "cannot sign in", "Open", "Before you help"],
    );

    let (subject, _, _) = newest_to(&app, "second@example.com").await;
    assert_eq!(
        subject,
        "Ada Lovelace cannot sign in to Twostep: lost phone"
    );
}

/// A Swedish profile turning on the authenticator app, then trusting Firefox: each notice
/// names the method and the browser in Swedish, while the audit log keeps its stored words.
async fn a_swedish_profile_reads_the_app_and_a_trusted_device_in_swedish(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let password = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let signed_in = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_redirect_to(&signed_in, "/");
    choose_on_profile(&app, &app.client, "sv").await;
    let key = app.setup_key().await;
    let confirmed = app.confirm_app(&key).await;
    assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");

    let (subject, text, html) = newest_to(&app, "ada@example.com").await;
    assert_eq!(subject, "Tvåstegsverifiering är på för ditt Twostep-konto");
    let on =
        "Tvåstegsverifiering slogs på. Inloggningskoderna kommer nu från en autentiseringsapp.";
    assert!(text.contains(on), "{text}");
    assert!(html.contains(on), "{html}");
    no_english(&text, &NOTICE_ENGLISH);
    no_english(&text, &["authenticator app", "Sign-in codes"]);
    assert_eq!(
        stored_detail(&app, "two_step.enabled").await,
        "an authenticator app"
    );

    app.clock.advance(30);
    let firefox = browser_speaking("en", &[("user-agent", FIREFOX)]);
    let step = submit_with(&firefox, &app.address, "/login", "/login", &password).await;
    assert_redirect_to(&step, "/login/verify");
    let code = oathtool(&key, app.clock.now());
    let fields = [
        ("code", code.as_str()),
        ("with", "app"),
        ("trust_device", "yes"),
    ];
    let page = "/login/verify?with=app";
    let trusted = submit_with(&firefox, &app.address, page, page, &fields).await;
    assert_redirect_to(&trusted, "/");

    // In her language, though the browser that was trusted reads English.
    let (_, text, html) = titled(
        &app,
        "ada@example.com",
        "En ny enhet har markerats som betrodd för ditt Twostep-konto",
    )
    .await;
    for line in [
        "Firefox 128 på Windows kan nu logga in på ditt konto utan verifieringskod.",
        "\nEnhet: Firefox 128 på Windows\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(html.contains(r#"<html lang="sv">"#), "{html}");
    no_english(&text, &NOTICE_ENGLISH);
    no_english(&text, &[" on Windows", "will now sign in"]);
    assert_eq!(
        stored_detail(&app, "device.trusted").await,
        "Firefox 128 on Windows"
    );
}

/// Text messages turned on from a German profile: the notice names them with the masked
/// number in German; the audit log keeps "text messages to …".
async fn a_german_profile_reads_text_messages_named_in_german(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    choose_on_profile(&app, &app.client, "de").await;
    app.submit_phone(PHONE).await;
    let (_, code) = texted_to(&app, PHONE);
    app.submit_phone_code(&code).await;

    let (subject, text, _) = newest_to(&app, "ada@example.com").await;
    assert_eq!(
        subject,
        "Die Bestätigung in zwei Schritten ist für Ihr Twostep-Konto eingeschaltet"
    );
    let masked = twostep::domain::phone::mask_phone(PHONE);
    let on = format!("Anmeldecodes kommen jetzt per SMS an {masked}.");
    assert!(text.contains(&on), "{on:?} in\n{text}");
    no_english(&text, &NOTICE_ENGLISH);
    no_english(&text, &["text messages"]);
    assert_eq!(
        stored_detail(&app, "two_step.enabled").await,
        format!("text messages to {masked}")
    );
}

on_both_databases!(
    a_swedish_profile_gets_the_phone_change_notice_in_swedish,
    an_estonian_profile_gets_its_sign_in_code_in_estonian_in_one_segment,
    each_administrator_is_asked_for_help_in_their_own_language,
    a_swedish_profile_reads_the_app_and_a_trusted_device_in_swedish,
    a_german_profile_reads_text_messages_named_in_german,
);
on_each_backend!(a_german_platform_sends_a_german_reset_link_to_someone_without_a_choice => german_reset_sqlite, german_reset_postgres);
on_each_backend!(a_new_device_is_told_of_in_swedish_with_a_swedish_date => swedish_alert_sqlite, swedish_alert_postgres);
on_each_backend!(registering_from_a_german_browser_gets_german_emails => german_registration_sqlite, german_registration_postgres);
on_each_backend!(registering_by_phone_from_an_estonian_browser_texts_in_estonian => estonian_phone_registration_sqlite, estonian_phone_registration_postgres);
