//! Translated pages: public (issue 26). Registration, the password links, Home and the error
//! pages in Swedish, German and Estonian, as a person whose browser asks for them reads them.

use super::{choose, no_english};
use crate::helpers::{GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to, csrf_token};
use crate::kit::mail::link_in_eml;
use crate::on_both_databases;

async fn registration_refuses_in_estonian_with_the_strength_feedback(app: TestApp) {
    choose(&app, "et").await;
    let form = app.get_text("/register").await;
    assert!(form.contains("<title>Loo konto"), "{form}");
    assert!(form.contains(r#"<label for="email">E-post</label>"#));
    assert!(
        form.contains("Vähemalt 8 märki. Mõni omavahel mitteseotud sõna annab tugeva parooli.")
    );
    assert!(form.contains("Kas sul on juba konto? <a href=\"/login\">Logi sisse</a>"));
    no_english(
        &form,
        &[
            "Create account",
            "At least 8 characters",
            "Already have an account",
        ],
    );

    let refused = app
        .submit_on(
            "/register",
            &[
                ("name", "Mari Maasikas"),
                ("email", "not-an-email"),
                ("password", "password"),
            ],
        )
        .await;
    let page = assert_page(
        refused,
        422,
        "Seda parooli on liiga lihtne ära arvata. See on üks 10 levinuimast paroolist.",
    )
    .await;
    assert!(page.contains("<title>Viga: Loo konto"), "{page}");
    assert!(
        page.contains(r#"id="email-error""#),
        "the address is refused too"
    );
    assert!(page.contains(r#"value="Mari Maasikas""#));
    no_english(
        &page,
        &["too easy to guess", "top-10", "Error:", "Choose a password"],
    );

    let short = app
        .submit_on(
            "/register",
            &[
                ("name", "Mari"),
                ("email", "mari@example.com"),
                ("password", "lühike"),
            ],
        )
        .await;
    assert_page(short, 422, "Kasuta vähemalt 8 märki.").await;
}

async fn forgetting_the_password_in_german(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    choose(&app, "de").await;
    let form = app.get_text("/password/forgot").await;
    assert!(form.contains("<h1>Passwort vergessen?</h1>"), "{form}");
    assert!(form.contains(">Link zum Zurücksetzen senden</button>"));
    assert!(form.contains(">Zurück zur Anmeldung</a>"));
    no_english(
        &form,
        &[
            "Forgot your password?",
            "Send reset link",
            "Back to sign in",
        ],
    );

    let empty = app.submit_on("/password/forgot", &[("email", "")]).await;
    let page = assert_page(
        empty,
        422,
        "Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden.",
    )
    .await;
    assert!(
        page.contains("<title>Fehler: Passwort vergessen?"),
        "{page}"
    );

    let sent = app
        .submit_on("/password/forgot", &[("email", "ada@example.com")])
        .await;
    assert_redirect_to(&sent, "/password/forgot?sent=yes");
    let page = app.get_text("/password/forgot?sent=yes").await;
    assert!(
        page.contains("<h1>Sehen Sie in Ihrem E-Mail-Postfach nach</h1>"),
        "{page}"
    );
    assert!(page.contains(
        "Wenn es ein Konto mit der Adresse <strong>ada@example.com</strong> gibt, haben wir einen Link an diese Adresse gesendet"
    ));
    assert!(page.contains("Keine E-Mail erhalten?"));
    no_english(
        &page,
        &["Check your email", "If an account has", "No email?"],
    );
}

async fn setting_a_password_in_swedish(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    choose(&app, "sv").await;
    let sent = app
        .submit_on("/password/forgot", &[("email", "ada@example.com")])
        .await;
    assert_redirect_to(&sent, "/password/forgot?sent=yes");
    let link = link_in_eml(app.data_dir(), "ada@example.com", "/password/set").await;

    let form = app.get_text(&link).await;
    assert!(form.contains("<h1>Välj ditt lösenord</h1>"), "{form}");
    assert!(form.contains(
        "Välj lösenordet för <strong>ada@example.com</strong>. Sedan loggar du in med det."
    ));
    assert!(form.contains(r#"<label for="new_password">Nytt lösenord</label>"#));
    assert!(form.contains(">Spara lösenordet</button>"));
    no_english(
        &form,
        &["Set your password", "New password", "hard to guess"],
    );

    let weak = app
        .submit(
            &link,
            "/password/set",
            &[("token", token(&link)), ("new_password", "qwertyuiop")],
        )
        .await;
    let page = assert_page(weak, 422, "Lösenordet är för lätt att gissa.").await;
    assert!(page.contains("<title>Fel: Välj ditt lösenord"), "{page}");
    no_english(&page, &["too easy to guess", "Error:"]);

    let set = app
        .submit(
            &link,
            "/password/set",
            &[("token", token(&link)), ("new_password", GOOD_PASSWORD)],
        )
        .await;
    assert_redirect_to(&set, "/login?notice=password-set");

    // The link is spent: its page says so, in Swedish.
    let dead = app.get(&link).await;
    let page = assert_page(dead, 410, "Länken har gått ut eller har redan använts.").await;
    assert!(page.contains("<h1>Länken har gått ut</h1>"), "{page}");
}

fn token(link: &str) -> &str {
    link.split("token=").nth(1).expect("a token in the link")
}

async fn a_missing_page_in_german(app: TestApp) {
    choose(&app, "de").await;
    let missing = app.get("/no/such/page").await;
    let page = assert_page(
        missing,
        404,
        "Unter dieser Adresse gibt es keine Seite. Prüfen Sie die Adresse, oder gehen Sie zur Startseite.",
    )
    .await;
    assert!(page.contains("<h1>Seite nicht gefunden</h1>"), "{page}");
    assert!(page.contains(r#"<a href="/">Zur Startseite</a>"#));
    assert!(page.contains(r#"<html lang="de">"#));
    no_english(&page, &["Page not found", "Go to the start page"]);

    // A refusal named by its handler is said in the page's language too.
    let dead = app.get("/register/confirm?token=nothing").await;
    assert_page(
        dead,
        410,
        "Dieser Link ist abgelaufen oder wurde bereits verwendet.",
    )
    .await;
}

async fn home_signed_in_in_swedish(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    choose(&app, "sv").await;
    let signed_in = app.post_login("ada@example.com", GOOD_PASSWORD).await;
    assert_redirect_to(&signed_in, "/");
    let home = app.get("/").await;
    let page = assert_page(home, 200, "<h1>Hej Ada Lovelace</h1>").await;
    assert!(page.contains("<title>Hej Ada Lovelace"), "{page}");
    assert!(page.contains(">Mina säkerhetsinställningar</a>"));
    assert!(page.contains(r#"<a href="/account/password">Byt lösenord</a>"#));
    assert!(page.contains("Du är inloggad i "));
    no_english(
        &page,
        &[
            "Hello,",
            "My security settings",
            "You are signed in",
            "Turn on now",
            "Not now",
        ],
    );
}

/// Registers with `name` and `email` in a new browser whose `Accept-Language` asks for
/// Estonian.
async fn register_in_estonian(app: &TestApp, name: &str, email: &str) -> reqwest::Response {
    let (browser, _) = app.new_browser();
    let form = browser
        .get(app.url("/register"))
        .header("accept-language", "et")
        .send()
        .await
        .unwrap();
    let token = csrf_token(&form.text().await.unwrap());
    browser
        .post(app.url("/register"))
        .header("accept-language", "et")
        .form(&[
            ("csrf_token", token.as_str()),
            ("name", name),
            ("email", email),
            ("password", GOOD_PASSWORD),
        ])
        .send()
        .await
        .unwrap()
}

async fn a_bad_name_at_registration_is_told_in_estonian(app: TestApp) {
    let refused = register_in_estonian(&app, " ", "mari").await;
    let page = assert_page(refused, 422, "Sisesta oma nimi.").await;
    assert!(page.contains(r#"<html lang="et""#), "{page}");
    assert!(page.contains("<title>Viga: Loo konto"), "{page}");
    assert!(page.contains("Sisesta e-posti aadress kujul nimi@example.com."));
    no_english(&page, &["Enter your name.", "Enter an email address like"]);

    let long = "M".repeat(101);
    let refused = register_in_estonian(&app, &long, "mari@example.com").await;
    let page = assert_page(refused, 422, "Nimes võib olla kõige rohkem 100 märki.").await;
    no_english(&page, &["Use at most"]);

    let refused = register_in_estonian(&app, "Mari\u{7}", "").await;
    let page = assert_page(refused, 422, "Sinu nimes on märke, mida ei saa kuvada.").await;
    assert!(page.contains("Sisesta oma e-posti aadress."));
    no_english(
        &page,
        &[
            "characters that cannot be shown",
            "Enter your email address.",
        ],
    );
}

on_both_databases!(
    registration_refuses_in_estonian_with_the_strength_feedback,
    forgetting_the_password_in_german,
    setting_a_password_in_swedish,
    a_missing_page_in_german,
    home_signed_in_in_swedish,
    a_bad_name_at_registration_is_told_in_estonian,
);
