//! Translated pages: login (issue 26). The sign-in page, the second step (the code texted,
//! a wrong code, a recovery code, "Lost your phone?") and phone sign-in's password step in
//! Swedish, German and Estonian, as a person whose browser asks for them reads them.

use super::{choose, no_english};
use crate::helpers::{
    Backend, GOOD_PASSWORD, PHONE, TestApp, assert_page, assert_redirect_to, submit_with,
};
use crate::kit::authenticator::SoftAuthenticator;
use crate::{on_both_databases, on_each_backend};

/// The sign-in page's own English words.
const SIGN_IN_ENGLISH: [&str; 7] = [
    ">Sign in<",
    ">Email<",
    ">Password<",
    "Forgot your password?",
    "No account yet?",
    "Enter your email address.",
    "Enter your password.",
];

async fn the_sign_in_page_reads_in_swedish_and_in_german(app: TestApp) {
    choose(&app, "sv").await;
    let page = app.get_text("/login").await;
    assert!(page.contains("<title>Logga in ·"), "{page}");
    assert!(page.contains("<h1>Logga in</h1>"));
    assert!(page.contains(r#"<label for="email">E-post</label>"#));
    assert!(page.contains(r#"<label for="password">Lösenord</label>"#));
    assert!(page.contains(r#"<button type="submit">Logga in</button>"#));
    assert!(page.contains(">Glömt lösenordet?</a>"));
    assert!(page.contains(r#"Har du inget konto? <a href="/register">Skapa konto</a>"#));
    no_english(&page, &SIGN_IN_ENGLISH);

    choose(&app, "de").await;
    let page = app.get_text("/login").await;
    assert!(page.contains("<title>Anmelden ·"), "{page}");
    assert!(page.contains("<h1>Anmelden</h1>"));
    assert!(page.contains(r#"<label for="email">E-Mail</label>"#));
    assert!(page.contains(r#"<label for="password">Passwort</label>"#));
    assert!(page.contains(r#"<button type="submit">Anmelden</button>"#));
    assert!(page.contains(">Passwort vergessen?</a>"));
    assert!(page.contains(r#"Noch kein Konto? <a href="/register">Konto erstellen</a>"#));
    no_english(&page, &SIGN_IN_ENGLISH);

    // An empty form: each field says what it needs, and the title says there is an error.
    let empty = app
        .submit_on("/login", &[("email", ""), ("password", "")])
        .await;
    let page = assert_page(empty, 422, "Geben Sie Ihre E-Mail-Adresse ein.").await;
    assert!(page.contains("Geben Sie Ihr Passwort ein."));
    assert!(page.contains("<title>Fehler: Anmelden ·"), "{page}");
    no_english(&page, &SIGN_IN_ENGLISH);
}

async fn a_wrong_password_is_told_in_estonian(app: TestApp) {
    app.create_user("mari@example.com", "Mari Maasikas", false)
        .await;
    choose(&app, "et").await;
    let page = app.get_text("/login").await;
    assert!(page.contains("<h1>Logi sisse</h1>"), "{page}");
    assert!(page.contains(r#"<label for="password">Parool</label>"#));

    let refused = app.post_login("mari@example.com", "not the password").await;
    let page = assert_page(refused, 401, "E-posti aadress või parool on vale.").await;
    assert!(page.contains("<title>Viga: Logi sisse ·"), "{page}");
    assert!(page.contains(">Unustasid parooli?</a>"));
    no_english(
        &page,
        &[
            "The email or password is incorrect.",
            ">Sign in<",
            ">Password<",
        ],
    );
    // The same words for an address with no account.
    let refused = app.post_login("nobody@example.com", GOOD_PASSWORD).await;
    assert_page(refused, 401, "E-posti aadress või parool on vale.").await;
}

/// The code page's own English words.
const CODE_PAGE_ENGLISH: [&str; 10] = [
    "Enter your verification code",
    "Verification code",
    "We sent a 6-digit code",
    "The 6-digit code from the text message",
    "Trust this device",
    ">Verify<",
    "Send again",
    "You can ask for a new code",
    "Use a recovery code",
    "Lost your phone?",
];

async fn the_code_page_after_the_password_reads_in_german(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    choose(&app, "de").await;
    app.sign_in_first_step("ada@example.com").await;
    let page = app.get_text("/login/verify").await;
    assert!(
        page.contains("<title>Bestätigungscode eingeben ·"),
        "{page}"
    );
    assert!(page.contains("<h1>Bestätigungscode eingeben</h1>"));
    assert!(page.contains("Wir haben einen 6-stelligen Code per SMS an +46 ••• •• 67 gesendet."));
    assert!(page.contains(r#"<label for="code">Bestätigungscode</label>"#));
    assert!(page.contains("Der 6-stellige Code aus der SMS. Er gilt 10 Minuten."));
    assert!(page.contains(r#"<label for="trust_device">Diesem Gerät vertrauen</label>"#));
    assert!(page.contains(r#"<button type="submit">Bestätigen</button>"#));
    // "Send again" waits for the cooldown: the page says until when, in seconds.
    assert!(page.contains("Sie können um "), "{page}");
    assert!(page.contains("einen neuen Code anfordern (in <span data-countdown>"));
    assert!(page.contains("</span> Sekunden)."));
    assert!(page.contains(">Erneut senden</button>"));
    assert!(page.contains(">Abbrechen und abmelden</button>"));
    assert!(page.contains(">Wiederherstellungscode verwenden</a>"));
    assert!(page.contains(">Temporären Zugangscode verwenden</a>"));
    assert!(page.contains(">Telefon verloren?</a>"));
    no_english(&page, &CODE_PAGE_ENGLISH);

    // A wrong code: how many tries are left, by German's plural rule.
    let wrong = app.submit_sign_in_code("000000").await;
    let page = assert_page(
        wrong,
        401,
        "Dieser Code ist nicht richtig. Sie haben noch 4 Versuche.",
    )
    .await;
    assert!(
        page.contains("<title>Fehler: Bestätigungscode eingeben ·"),
        "{page}"
    );
    no_english(&page, &["That code is not right", "tries left"]);
    for _ in 0..3 {
        app.submit_sign_in_code("000000").await;
    }
    let last = app.submit_sign_in_code("000000").await;
    assert_page(
        last,
        429,
        "Zu viele falsche Codes: Dieser Code kann nicht mehr verwendet werden.",
    )
    .await;
}

async fn a_recovery_code_and_a_temporary_access_code_are_asked_for_in_swedish(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    choose(&app, "sv").await;
    app.sign_in_first_step("ada@example.com").await;
    // The code page's countdown script, when the wait ends, says what its form hands it.
    let page = app.get_text("/login/verify").await;
    assert!(
        page.contains(r#"data-ready="Du kan begära en ny kod nu.""#),
        "{page}"
    );
    let page = app.get_text("/login/recovery").await;
    assert!(
        page.contains("<h1>Använd en återställningskod</h1>"),
        "{page}"
    );
    assert!(page.contains(r#"<label for="recovery_code">Återställningskod</label>"#));
    assert!(page.contains("Till exempel 7KQM-2XHD-9RTF."));
    no_english(
        &page,
        &["Use a recovery code", "Recovery code", "For example"],
    );

    let empty = app.submit_recovery_code("").await;
    assert_page(empty, 422, "Ange en av dina återställningskoder.").await;
    let wrong = app.submit_recovery_code("7KQM-2XHD-9RTF").await;
    let page = assert_page(
        wrong,
        401,
        "Återställningskoden stämmer inte, eller så har den redan använts.",
    )
    .await;
    assert!(
        page.contains("<title>Fel: Använd en återställningskod ·"),
        "{page}"
    );

    let page = app.get_text("/login/temporary-code").await;
    assert!(
        page.contains("<h1>Använd en tillfällig åtkomstkod</h1>"),
        "{page}"
    );
    assert!(page.contains("16 bokstäver och siffror, till exempel 7KQM-2XHD-9RTF-B4NW."));
    let wrong = app
        .submit_on(
            "/login/temporary-code",
            &[("temporary_code", "7KQM-2XHD-9RTF-B4NW")],
        )
        .await;
    assert_page(
        wrong,
        401,
        "Koden stämmer inte, eller så gäller den inte längre.",
    )
    .await;
}

async fn the_lost_phone_page_reads_in_swedish(app: TestApp) {
    app.create_user("admin@example.com", "Grace Hopper", true)
        .await;
    app.create_sms_user("ada@example.com", PHONE).await;
    choose(&app, "sv").await;
    app.sign_in_first_step("ada@example.com").await;
    let page = app.get_text("/login/lost-phone").await;
    assert!(
        page.contains("<title>Har du tappat bort telefonen? ·"),
        "{page}"
    );
    assert!(page.contains("<h1>Har du tappat bort telefonen?</h1>"));
    assert!(page.contains("Du kan fortfarande logga in, utan att stänga av något:"));
    assert!(page.contains(
        "<strong>En återställningskod.</strong> När du slog på tvåstegsverifiering sparade du tio återställningskoder."
    ));
    assert!(page.contains(r#"<a href="/login/recovery">Använd en återställningskod</a>"#));
    assert!(page.contains("<h2>Be om en tillfällig åtkomstkod</h2>"));
    assert!(page.contains(r#"<button type="submit">Be mina administratörer om hjälp</button>"#));
    assert!(page.contains(r#"<a href="/login/verify">Tillbaka till verifieringskoden</a>"#));
    no_english(
        &page,
        &[
            "Lost your phone?",
            "You can still sign in",
            "A recovery code.",
            "Ask for a temporary access code",
            "Ask my administrators for help",
            "Back to the verification code",
        ],
    );

    let asked = app.submit_on("/login/lost-phone", &[]).await;
    let page = assert_page(
        asked,
        200,
        "<h1>Dina administratörer har fått din begäran</h1>",
    )
    .await;
    assert!(page.contains(
        r#"När du har fått den väljer du <a href="/login/temporary-code">Använd en tillfällig åtkomstkod</a>, eller loggar in igen och hittar länken under verifieringskoden."#
    ), "{page}");
    no_english(
        &page,
        &["Your administrators have been asked", "Once you have it"],
    );
}

async fn phone_sign_in_asks_for_the_password_in_estonian(app: TestApp) {
    app.kit().set_platform(|p| p.phone_sign_in = true).await;
    app.create_sms_user("mari@example.com", PHONE).await;
    choose(&app, "et").await;
    let page = app.get_text("/login").await;
    assert!(page.contains(">Logi sisse telefoninumbriga</a>"), "{page}");
    let number = app.get_text("/login/phone").await;
    assert!(
        number.contains("<h1>Logi sisse telefoninumbriga</h1>"),
        "{number}"
    );
    assert!(number.contains("Sisesta oma kontoga seotud telefoninumber."));
    assert!(number.contains(">Logi sisse e-posti ja parooliga</a>"));

    let texted_before = app.sms.count_to(PHONE);
    let sent = app.submit_on("/login/phone", &[("phone", PHONE)]).await;
    assert_redirect_to(&sent, "/login/phone/verify");
    let page = app.get_text("/login/phone/verify").await;
    assert!(page.contains("<h1>Sisesta kinnituskood</h1>"), "{page}");
    let wrong = app
        .submit_on("/login/phone/verify", &[("code", "000000")])
        .await;
    assert_page(wrong, 401, "See kood pole õige. Sul on veel 4 katset.").await;

    // The code goes out from a background task, once the answer is out.
    for _ in 0..100 {
        if app.sms.count_to(PHONE) > texted_before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let code = app.sms.last_code_to(PHONE);
    let right = app
        .submit_on("/login/phone/verify", &[("code", code.as_str())])
        .await;
    assert_redirect_to(&right, "/login/phone/password");
    let page = app.get_text("/login/phone/password").await;
    assert!(page.contains("<h1>Sisesta oma parool</h1>"), "{page}");
    let wrong = app
        .submit_on("/login/phone/password", &[("password", "not the password")])
        .await;
    let page = assert_page(wrong, 401, "Parool on vale.").await;
    no_english(
        &page,
        &[
            "Enter your password",
            "The password is incorrect.",
            ">Cancel<",
        ],
    );
}

/// What static/passkey.js may say on a sign-in page, handed to it by the form in Swedish:
/// the browser cannot use passkeys, or gave none.
#[track_caller]
fn hands_the_passkey_script_swedish(page: &str) {
    assert!(
        page.contains(r#"data-unsupported="Den här webbläsaren kan inte använda lösennycklar. Använd ett annat sätt nedan, eller en annan webbläsare.""#),
        "{page}"
    );
    assert!(
        page.contains(r#"data-refused="Ingen lösennyckel användes. Försök igen, eller använd ett annat sätt nedan.""#),
        "{page}"
    );
    no_english(
        page,
        &["This browser cannot use passkeys", "No passkey was"],
    );
}

async fn the_passkey_script_speaks_swedish_at_sign_in(backend: Backend) {
    // Browsers make passkeys only for a site's name: the portal is named localhost.
    let Some(app) = TestApp::spawn_named(backend, |_| {}).await else {
        return;
    };
    app.create_sms_user("ada@example.com", PHONE).await;
    app.sign_in_with_sms_code("ada@example.com", PHONE).await;
    let added = app
        .add_passkey(&mut SoftAuthenticator::new(), "Telefon")
        .await;
    assert_redirect_to(&added, "/account/security?notice=passkey-added");
    app.post_logout().await;

    choose(&app, "sv").await;
    app.sign_in_first_step("ada@example.com").await;
    let page = app.get_text("/login/verify").await;
    assert!(page.contains("<h1>Använd din lösennyckel</h1>"), "{page}");
    hands_the_passkey_script_swedish(&page);

    app.post_logout().await;
    choose(&app, "sv").await;
    let page = app.get_text("/login/passkey").await;
    assert!(page.contains(r#"id="passkey-form""#), "{page}");
    hands_the_passkey_script_swedish(&page);
}

on_each_backend!(the_passkey_script_speaks_swedish_at_sign_in => passkey_script_in_swedish_sqlite, passkey_script_in_swedish_postgres);

/// A browser of its own whose `Accept-Language` asks for `lang`; no "Language" choice made.
fn browser_speaking(lang: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-language", lang.parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The password step of `email` in `browser`: a code is texted, the code page follows.
async fn password_step_in(app: &TestApp, browser: &reqwest::Client, email: &str) {
    let fields = [("email", email), ("password", GOOD_PASSWORD)];
    let signed_in = submit_with(browser, &app.address, "/login", "/login", &fields).await;
    assert_redirect_to(&signed_in, "/login/verify");
}

/// "Send again" at the sign-in code step, in `browser`.
async fn send_again_in(app: &TestApp, browser: &reqwest::Client) -> reqwest::Response {
    submit_with(
        browser,
        &app.address,
        "/login/verify",
        "/login/verify/resend",
        &[],
    )
    .await
}

/// Types `code` at the sign-in code step, in `browser`.
async fn code_typed_in(app: &TestApp, browser: &reqwest::Client, code: &str) -> reqwest::Response {
    let fields = [("code", code)];
    submit_with(
        browser,
        &app.address,
        "/login/verify",
        "/login/verify",
        &fields,
    )
    .await
}

async fn the_code_limit_is_told_in_german(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    let browser = browser_speaking("de-DE,de;q=0.9,en;q=0.5");
    password_step_in(&app, &browser, "ada@example.com").await;
    for _ in 0..4 {
        app.clock.advance(31);
        assert_eq!(send_again_in(&app, &browser).await.status().as_u16(), 303);
    }
    app.clock.advance(31);
    let refused = send_again_in(&app, &browser).await;
    assert_redirect_to(&refused, "/login/verify?with=sms");
    assert_eq!(app.sms.count_to(PHONE), 5);

    let page = app.get_text_in(&browser, "/login/verify?with=sms").await;
    assert!(page.contains(r#"<html lang="de">"#), "{page}");
    assert!(
        page.contains("Sie haben zu viele Codes angefordert. Sie können um "),
        "{page}"
    );
    assert!(page.contains(" UTC einen neuen anfordern oder sich unten auf andere Weise anmelden."));
    assert!(
        !page.contains(">Erneut senden<"),
        "no button that cannot work"
    );
    no_english(
        &page,
        &[
            "You have asked for too many codes",
            "You can ask for a new one",
            "another way to sign in",
        ],
    );
}

async fn a_malformed_code_is_told_in_swedish(app: TestApp) {
    app.create_sms_user("ada@example.com", PHONE).await;
    let browser = browser_speaking("sv");
    password_step_in(&app, &browser, "ada@example.com").await;
    let page = assert_page(
        code_typed_in(&app, &browser, "12 34x").await,
        422,
        "Ange den 6-siffriga koden i sms:et.",
    )
    .await;
    assert!(
        page.contains("<title>Fel: Ange din verifieringskod"),
        "{page}"
    );
    no_english(
        &page,
        &["Enter the 6-digit code", "Enter the verification code"],
    );

    let empty = code_typed_in(&app, &browser, "").await;
    let page = assert_page(empty, 422, "Ange verifieringskoden.").await;
    no_english(&page, &["Enter the verification code"]);
}

on_both_databases!(
    the_sign_in_page_reads_in_swedish_and_in_german,
    a_wrong_password_is_told_in_estonian,
    the_code_page_after_the_password_reads_in_german,
    a_recovery_code_and_a_temporary_access_code_are_asked_for_in_swedish,
    the_lost_phone_page_reads_in_swedish,
    phone_sign_in_asks_for_the_password_in_estonian,
    the_code_limit_is_told_in_german,
    a_malformed_code_is_told_in_swedish,
);
