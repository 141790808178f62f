//! Translated pages: account (issue 26). My security settings, the authenticator set-up,
//! the recovery codes, the password change and the profile's "Language", as a person whose
//! language is Swedish, German or Estonian reads them.

use twostep::domain::language::Language;

use crate::helpers::{Backend, GOOD_PASSWORD, PHONE, TestApp, assert_redirect_to, submit_with};
use crate::{on_both_databases, on_each_backend};

const FIREFOX: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// From now on the app's browser asks for pages in `language` (the "Language" menu's
/// cookie; the person has chosen nothing on their profile).
fn speak(app: &TestApp, language: &str) {
    let url = reqwest::Url::parse(&app.address).unwrap();
    app.jar
        .add_cookie_str(&format!("lang={language}; Path=/"), &url);
}

/// A browser of its own that sends these headers with every request.
fn browser_with(headers: &[(&'static str, &str)]) -> reqwest::Client {
    let mut map = reqwest::header::HeaderMap::new();
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

/// The page's own words: its `<main>`, without the frame around it.
fn main_of(page: &str) -> &str {
    let start = page.find("<main").expect("a main element");
    let end = page.rfind("</main>").expect("the end of main");
    &page[start..end]
}

/// Asserts that `page` holds every one of `words` and its `<main>` none of `english`.
fn assert_reads(page: &str, words: &[&str], english: &[&str]) {
    for word in words {
        assert!(page.contains(word), "{word:?} missing from:\n{page}");
    }
    let main = main_of(page);
    for word in english {
        assert!(!main.contains(word), "English {word:?} left in:\n{main}");
    }
}

/// The `<time>` elements' words on `page`.
fn times(page: &str) -> Vec<&str> {
    page.split("<time datetime=\"")
        .skip(1)
        .map(|rest| {
            let start = rest.find('>').unwrap() + 1;
            &rest[start..rest.find("</time>").unwrap()]
        })
        .collect()
}

/// What My security settings must not say in English: headings, labels, columns, buttons.
const SECURITY_ENGLISH: [&str; 24] = [
    "My security settings",
    "2-step verification",
    ">On<",
    "Method",
    "Phone number",
    "Recovery codes",
    " left",
    "Your sign-in methods",
    "Text message",
    "In use",
    "Remove",
    "Stay signed in",
    "Until I close the browser",
    "Trusted devices",
    "IP address",
    "Trusted since",
    "Last used",
    "Expires",
    "Active sessions",
    "Signed in",
    "Last active",
    "(this session)",
    "Unknown browser",
    "Change password",
];

/// Ada, with text messages on, signs in twice: in Firefox ticking "Trust this device",
/// then in the app's browser. Her settings list a method, a trusted device and sessions.
async fn sms_user_with_a_trusted_device(app: &TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    let firefox = browser_with(&[("user-agent", FIREFOX)]);
    let password = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    submit_with(&firefox, &app.address, "/login", "/login", &password).await;
    let code = app.sms.last_code_to(PHONE);
    let trusted = submit_with(
        &firefox,
        &app.address,
        "/login/verify",
        "/login/verify",
        &[("code", &code), ("trust_device", "yes")],
    )
    .await;
    assert_redirect_to(&trusted, "/");
    app.clock.advance(31);
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
}

async fn my_security_settings_read_in_swedish_and_estonian(app: TestApp) {
    sms_user_with_a_trusted_device(&app).await;

    speak(&app, "sv");
    let response = app.get("/account/security").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-language"], "sv");
    let page = response.text().await.unwrap();
    assert_reads(
        &page,
        &[
            "<title>Mina säkerhetsinställningar",
            "<h1>Mina säkerhetsinställningar</h1>",
            r#"<h2 id="two-step-title">Tvåstegsverifiering</h2>"#,
            r#"<strong class="tag tag-on">På</strong>"#,
            "<dt>Metod</dt>",
            "<dd>Sms</dd>",
            r#"Ändra<span class="visually-hidden"> telefonnummer</span>"#,
            "<dt>Återställningskoder</dt>",
            "10 kvar",
            "<h3>Dina inloggningsmetoder</h3>",
            "<strong>Sms</strong>: +46 70 123 45 67",
            r#"<strong class="tag tag-on">Används</strong>"#,
            r#"<label for="duration">Förbli inloggad i</label>"#,
            ">Tills jag stänger webbläsaren</option>",
            ">1 timme</option>",
            ">8 timmar</option>",
            ">1 dag</option>",
            ">60 dagar</option>",
            r#"<h2 id="trusted-devices">Betrodda enheter</h2>"#,
            r#"<caption class="visually-hidden">Betrodda enheter</caption>"#,
            r#"<th scope="col">Enhet</th><th scope="col">IP-adress</th><th scope="col">Betrodd sedan</th><th scope="col">Senast använd</th><th scope="col">Upphör att gälla</th>"#,
            r#"<td data-label="Enhet">Firefox 128 på Windows</td>"#,
            r#"aria-label="Ta bort Firefox 128 på Windows">Ta bort</button>"#,
            "Ta bort alla",
            r#"<h2 id="sessions">Aktiva sessioner</h2>"#,
            r#"<th scope="col">Enhet</th><th scope="col">IP-adress</th><th scope="col">Inloggad</th><th scope="col">Senast aktiv</th>"#,
            "Okänd webbläsare <strong>(den här sessionen)</strong>",
            ">Avsluta session</button>",
            "Logga ut alla andra sessioner",
            r#"<a href="/account/password">Byt lösenord</a>"#,
        ],
        &SECURITY_ENGLISH,
    );
    // Dates in Swedish: "29 nov. 2026 kl. 19:34 UTC", in the page and in the names read out.
    let now = Language::Swedish.instant(app.clock.now());
    assert!(now.contains(" kl. "), "{now}");
    let written = times(&page);
    assert!(
        !written.is_empty() && written.iter().all(|t| t.contains(" kl. ")),
        "{written:?}"
    );
    assert!(
        page.contains(&format!(">{now}</time>")),
        "{now} in {written:?}"
    );
    let label = r#"aria-label="Avsluta sessionen Firefox 128 på Windows, inloggad "#;
    let named = &page[page.find(label).expect("the other session's name") + label.len()..];
    assert!(
        named[..named.find('"').unwrap()].contains(" kl. "),
        "{named}"
    );

    speak(&app, "et");
    let response = app.get("/account/security").await;
    assert_eq!(response.headers()["content-language"], "et");
    let page = response.text().await.unwrap();
    assert_reads(
        &page,
        &[
            "<h1>Minu turvaseaded</h1>",
            r#"<h2 id="two-step-title">Kaheastmeline kinnitamine</h2>"#,
            r#"<strong class="tag tag-on">Sees</strong>"#,
            "<dt>Meetod</dt>",
            "<dd>SMS</dd>",
            r#"Muuda<span class="visually-hidden"> telefoninumbrit</span>"#,
            "<dt>Taastekoodid</dt>",
            "10 alles",
            "<h3>Sinu sisselogimisviisid</h3>",
            r#"<strong class="tag tag-on">Kasutusel</strong>"#,
            r#"<label for="duration">Kui kauaks sisse logituks jääda</label>"#,
            ">Kuni sulgen brauseri</option>",
            ">1 tund</option>",
            ">8 tundi</option>",
            ">7 päeva</option>",
            r#"<h2 id="trusted-devices">Usaldusväärsed seadmed</h2>"#,
            r#"<th scope="col">Seade</th><th scope="col">IP-aadress</th><th scope="col">Usaldusväärne alates</th><th scope="col">Viimati kasutatud</th><th scope="col">Aegub</th>"#,
            r#"<td data-label="Seade">Firefox 128 (Windows)</td>"#,
            r#"<h2 id="sessions">Aktiivsed seansid</h2>"#,
            r#"<th scope="col">Seade</th><th scope="col">IP-aadress</th><th scope="col">Sisse logitud</th><th scope="col">Viimati aktiivne</th>"#,
            "Tundmatu brauser <strong>(see seanss)</strong>",
            ">Lõpeta seanss</button>",
            "Logi välja kõik teised seansid",
        ],
        &SECURITY_ENGLISH,
    );
    let written = times(&page);
    assert!(
        !written.is_empty() && written.iter().all(|t| t.contains(" kell ")),
        "{written:?}"
    );
    assert!(page.contains(&format!(
        ">{}</time>",
        Language::Estonian.instant(app.clock.now())
    )));
}

async fn the_authenticator_set_up_reads_in_german(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    speak(&app, "de");
    let page = app.get_text("/account/security/app").await;
    let english = [
        "Set up your authenticator app",
        "Open an authenticator app",
        "Scan this QR code",
        "Can't scan it",
        "Show the setup link",
        "Enter the 6-digit code",
        "Verification code",
        ">Verify<",
        ">Cancel<",
        ">Back<",
        "Step 1",
    ];
    assert_reads(
        &page,
        &[
            "<title>Authenticator-App einrichten",
            r#"<a href="/account/security/two-step">Zurück</a>"#,
            "Schritt 1 von 2",
            "<h1>Authenticator-App einrichten</h1>",
            "Öffnen Sie eine Authenticator-App auf Ihrem Telefon",
            r#"aria-label="QR-Code für Ihre Authenticator-App""#,
            "Scannen klappt nicht? Geben Sie stattdessen diesen Einrichtungsschlüssel in der App ein:",
            "<summary>Einrichtungslink anzeigen</summary>",
            r#"<label for="code">Bestätigungscode</label>"#,
            r#"<button type="submit">Bestätigen</button>"#,
            r#"<a href="/account/security">Abbrechen</a>"#,
        ],
        &english,
    );

    let wrong = app.submit_app_setup_code("000000").await;
    assert_eq!(wrong.status().as_u16(), 401);
    let page = wrong.text().await.unwrap();
    assert_reads(
        &page,
        &[
            "<title>Fehler: Authenticator-App einrichten",
            "Es gibt ein Problem",
            "Dieser Code ist nicht richtig. Geben Sie den Code ein, den Ihre App jetzt anzeigt",
        ],
        &english,
    );
    let empty = app.submit_app_setup_code("").await;
    assert_eq!(empty.status().as_u16(), 422);
    assert!(
        empty
            .text()
            .await
            .unwrap()
            .contains("<title>Fehler: Authenticator-App einrichten")
    );
}

async fn the_recovery_codes_read_in_swedish(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    speak(&app, "sv");
    let asked = app.submit_phone(PHONE).await;
    assert_redirect_to(&asked, "/account/security/sms/verify");
    let on = app.submit_phone_code(&app.sms.last_code_to(PHONE)).await;
    assert_redirect_to(&on, "/account/security/recovery-codes/new");

    let english = [
        "Save your recovery codes",
        "If you lose your phone",
        "They are shown only now",
        "Download",
        ">Copy<",
        "Copied",
        "I have saved",
        ">Done<",
        "Step 3",
    ];
    let page = app.get_text("/account/security/recovery-codes/new").await;
    assert_reads(
        &page,
        &[
            "<title>Spara dina återställningskoder",
            "Steg 3 av 3",
            "<h1>Spara dina återställningskoder</h1>",
            "Om du tappar bort din telefon kan du logga in en gång med var och en av de här koderna.",
            r#"<span class="visually-hidden">Varning: </span>De visas bara nu. Tidigare koder fungerar inte längre."#,
            ">Ladda ned (.txt)</a>",
            ">Kopiera</button>",
            // What the button says once static/copy.js has copied the codes.
            r#"data-copied="Kopierat""#,
            r#"<label for="saved">Jag har sparat mina återställningskoder</label>"#,
            r#"<button type="submit">Klar</button>"#,
        ],
        &english,
    );
    assert_eq!(app.shown_recovery_codes().await.len(), 10);

    // Done without the tick: the page again, with what to do, in Swedish.
    let unticked = app
        .submit(
            "/account/security/recovery-codes/new",
            "/account/security/recovery-codes/done",
            &[],
        )
        .await;
    assert_eq!(unticked.status().as_u16(), 422);
    let page = unticked.text().await.unwrap();
    assert_reads(
        &page,
        &[
            "<title>Fel: Spara dina återställningskoder",
            "Något behöver rättas",
            "Spara dina återställningskoder och kryssa sedan i ”Jag har sparat mina återställningskoder”.",
        ],
        &english,
    );

    let file = app.get("/account/security/recovery-codes/download").await;
    assert_eq!(file.status().as_u16(), 200);
    let text = file.text().await.unwrap();
    assert!(
        text.starts_with("Twostep: återställningskoder för ada@example.com\n\n")
            && text.contains("Förvara dem på ett säkert ställe.")
            && !text.contains("recovery codes"),
        "{text}"
    );
    app.confirm_codes_saved().await;
}

async fn the_passkey_script_speaks_swedish_when_adding_one(backend: Backend) {
    // Browsers make passkeys only for a site's name: the portal is named localhost.
    let Some(app) = TestApp::spawn_named(backend, |_| {}).await else {
        return;
    };
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    speak(&app, "sv");
    let page = app.get_text("/account/security/passkeys/new").await;
    // What static/passkey.js may say, handed to it by the form: the browser cannot use
    // passkeys, gave none, or holds this one already.
    assert_reads(
        &page,
        &[
            "<h1>Lägg till en lösennyckel</h1>",
            r#"data-unsupported="Den här webbläsaren kan inte använda lösennycklar. Använd ett annat sätt nedan, eller en annan webbläsare.""#,
            r#"data-refused="Ingen lösennyckel skapades. Försök igen, eller använd ett annat sätt nedan.""#,
            r#"data-registered="Den här lösennyckeln är redan registrerad för ditt konto.""#,
        ],
        &[
            "This browser cannot use passkeys",
            "No passkey was",
            "already registered",
        ],
    );
}

on_each_backend!(the_passkey_script_speaks_swedish_when_adding_one => passkey_script_in_swedish_sqlite, passkey_script_in_swedish_postgres);

async fn a_wrong_current_password_is_said_in_german(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    speak(&app, "de");
    let english = [
        "Change password",
        "Current password",
        "New password",
        "At least 8 characters",
        "incorrect",
    ];
    let page = app.get_text("/account/password").await;
    assert_reads(
        &page,
        &[
            "<title>Passwort ändern",
            "<h1>Passwort ändern</h1>",
            r#"<label for="current_password">Aktuelles Passwort</label>"#,
            r#"<label for="new_password">Neues Passwort</label>"#,
            "Mindestens 8 Zeichen. Ihre anderen Sitzungen werden abgemeldet.",
            r#"<button type="submit">Passwort ändern</button>"#,
        ],
        &english,
    );

    let wrong = app
        .change_password("not my password", "a brand new sentence to sign in")
        .await;
    assert_eq!(wrong.status().as_u16(), 401);
    let page = wrong.text().await.unwrap();
    assert_reads(
        &page,
        &[
            "<title>Fehler: Passwort ändern",
            "Es gibt ein Problem",
            r##"<a href="#current_password">Ihr aktuelles Passwort ist falsch.</a>"##,
            r#"<p class="field-error" id="current_password-error">Ihr aktuelles Passwort ist falsch.</p>"#,
        ],
        &english,
    );

    let empty = app.change_password("", "").await;
    assert_eq!(empty.status().as_u16(), 422);
    assert_reads(
        &empty.text().await.unwrap(),
        &[
            "Geben Sie Ihr aktuelles Passwort ein.",
            "Wählen Sie ein neues Passwort.",
        ],
        &english,
    );
}

/// The language chosen on the profile is the person's: saved, it answers every page, and
/// after signing out a new browser that asks for English gets it from the password step on.
async fn the_profile_language_follows_the_person(app: TestApp) {
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let page = app.get_text("/account/profile").await;
    assert!(
        page.contains(r#"<label for="language">Language</label>"#)
            && page.contains(r#"<option value="en" lang="en" selected>English</option>"#)
            && page.contains(r#"<option value="sv" lang="sv">Svenska</option>"#)
            && page.contains(r#"<option value="de" lang="de">Deutsch</option>"#)
            && page.contains(r#"<option value="et" lang="et">Eesti</option>"#),
        "{page}"
    );

    let refused = app
        .submit_on("/account/profile", &[("language", "fi")])
        .await;
    assert_eq!(refused.status().as_u16(), 400);
    let saved = app
        .submit_on("/account/profile", &[("language", "sv")])
        .await;
    assert_redirect_to(&saved, "/account/profile");
    let stored: Option<String> = app
        .fetch_scalar("SELECT language FROM users WHERE id = $1", id)
        .await;
    assert_eq!(stored.as_deref(), Some("sv"));
    let response = app.get("/account/profile").await;
    assert_eq!(response.headers()["content-language"], "sv");
    let page = response.text().await.unwrap();
    assert_reads(
        &page,
        &[
            r#"<html lang="sv">"#,
            "<h1>Din profil</h1>",
            "<dt>Namn</dt>",
            "<dt>E-post</dt>",
            r#"<label for="language">Språk</label>"#,
            r#"<option value="sv" lang="sv" selected>Svenska</option>"#,
            r#"<button type="submit">Spara</button>"#,
        ],
        &["Your profile", "Name", "Email", ">Language<", ">Save<"],
    );

    // Signed out, then in again from a new browser that asks for English.
    app.post_logout().await;
    let english = browser_with(&[("accept-language", "en-GB,en;q=0.9")]);
    let login = english.get(app.url("/login")).send().await.unwrap();
    assert_eq!(login.headers()["content-language"], "en");
    let password = [("email", "ada@example.com"), ("password", GOOD_PASSWORD)];
    let signed_in = submit_with(&english, &app.address, "/login", "/login", &password).await;
    assert_redirect_to(&signed_in, "/");
    for path in ["/", "/account/security", "/account/profile"] {
        let response = english.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert_eq!(response.headers()["content-language"], "sv", "{path}");
        let page = response.text().await.unwrap();
        assert!(page.contains(r#"<html lang="sv">"#), "{path}");
        if path == "/account/security" {
            assert!(page.contains("<h1>Mina säkerhetsinställningar</h1>"));
        }
    }

    // Another choice on the profile answers in it at once.
    let saved = submit_with(
        &english,
        &app.address,
        "/account/profile",
        "/account/profile",
        &[("language", "et")],
    )
    .await;
    assert_redirect_to(&saved, "/account/profile");
    let page = english
        .get(app.url("/account/profile"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<h1>Sinu profiil</h1>"), "{page}");
}

on_both_databases!(
    my_security_settings_read_in_swedish_and_estonian,
    the_authenticator_set_up_reads_in_german,
    the_recovery_codes_read_in_swedish,
    a_wrong_current_password_is_said_in_german,
    the_profile_language_follows_the_person,
);
