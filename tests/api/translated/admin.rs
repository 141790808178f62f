//! Translated pages: admin (issue 26). The control center read by administrators whose
//! language is German, Swedish or Estonian: the overview and the users list (columns,
//! filters, counts), a user's page and its confirmation, adding a user, the security
//! settings and a group.

use crate::admin::{settings_form, signed_in_admin};
use crate::helpers::{PHONE, TestApp, assert_page, assert_redirect_to};
use crate::on_both_databases;

/// From now on the app's own browser asks for `lang` (the "Language" menu's cookie).
fn speak(app: &TestApp, lang: &str) {
    let url = app.address.parse().unwrap();
    app.jar.add_cookie_str(&format!("lang={lang}"), &url);
}

/// GET `path` in the app's browser: 200, in `lang`, and the page.
async fn page_in(app: &TestApp, path: &str, lang: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status().as_u16(), 200, "GET {path}");
    let page = response.text().await.unwrap();
    assert!(
        page.contains(&format!("<html lang=\"{lang}\"")),
        "{path} is not in {lang}"
    );
    page
}

/// None of `english` is left on the page.
fn no_english(page: &str, english: &[&str]) {
    for words in english {
        assert!(!page.contains(words), "still in English: {words}");
    }
}

async fn the_overview_and_the_users_list_in_german(app: TestApp) {
    signed_in_admin(&app).await;
    app.create_user("berta@example.com", "Berta Beispiel", false)
        .await;
    app.create_sms_user("carl@example.com", PHONE).await;
    speak(&app, "de");

    let overview = page_in(&app, "/admin", "de").await;
    assert!(overview.contains("<h1>Verwaltung</h1>"));
    assert!(
        overview.contains(">Übersicht</a>") && overview.contains(">Sicherheitseinstellungen</a>")
    );
    assert!(overview.contains(r#"aria-label="Verwaltung""#));
    assert!(overview.contains("Bestätigung in zwei Schritten im Einsatz"));
    assert!(overview.contains(r#"<strong class="big-number">66"#));
    assert!(overview.contains("der Benutzer verwenden die Bestätigung in zwei Schritten"));
    assert!(
        overview.contains("66\u{a0}% eingeschaltet <span class=\"bar-detail\">(2 von 3)</span>")
    );
    assert!(overview.contains(r#"<th scope="col">Gesamt</th>"#));
    assert!(overview.contains(r#"<th scope="row">Alle Benutzer</th>"#));
    assert!(
        overview.contains("Heute gesendete SMS")
            && overview.contains("Neueste Sicherheitsereignisse")
    );
    no_english(
        &overview,
        &[
            "Control center",
            "of users use",
            "All users",
            "SMS sent today",
            "text messages since midnight",
            "Recent security events",
        ],
    );

    let users = page_in(&app, "/admin/users", "de").await;
    assert!(users.contains("<title>Benutzer · "));
    assert!(users.contains(r#"<label for="q">Benutzer suchen</label>"#));
    assert!(users.contains(r#"<option value="must">Muss noch einrichten</option>"#));
    assert!(users.contains(r#"<option value="sms">SMS</option>"#));
    assert!(users.contains(r#"<label for="admin">Nur Administratoren</label>"#));
    // The columns, and each card's labels on a phone.
    for column in [
        "Name",
        "E-Mail-Adresse",
        "Telefonnummer",
        "Rolle",
        "Letzte Anmeldung",
    ] {
        assert!(
            users.contains(&format!(r#"<th scope="col">{column}</th>"#)),
            "{column}"
        );
        assert!(
            users.contains(&format!(r#"data-label="{column}""#)),
            "{column}"
        );
    }
    assert!(users.contains(r#"data-label="Bestätigung in zwei Schritten""#));
    assert!(users.contains(r#"<h2 class="list-count" id="results-title">3 Benutzer</h2>"#));
    assert!(users.contains(">Administrator<") && users.contains(">Aus</strong>"));
    no_english(
        &users,
        &[
            "Search users",
            "Must still set up",
            "Administrators only",
            "Last sign-in",
            "Phone number",
            " users<",
        ],
    );

    let admins = page_in(&app, "/admin/users?admin=yes", "de").await;
    assert!(
        admins.contains(">1 Benutzer passt zu den Filtern</h2>"),
        "{admins}"
    );
    let found = page_in(&app, "/admin/users?q=%40example.com", "de").await;
    assert!(found.contains(">3 Benutzer passen zu „@example.com“</h2>"));

    // A filter that is not on the list: said in German.
    let wrong = app.get("/admin/users?two_step=maybe").await;
    assert_eq!(wrong.status().as_u16(), 422);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("<title>Fehler: Benutzer · "));
    assert!(
        wrong.contains(
            "Wählen Sie einen Filter für die Bestätigung in zwei Schritten aus der Liste."
        )
    );
}

async fn an_sms_user_and_the_reset_in_swedish(app: TestApp) {
    signed_in_admin(&app).await;
    let sara = app.create_sms_user("sara@example.com", PHONE).await;
    speak(&app, "sv");

    let page = page_in(&app, &format!("/admin/users/{sara}"), "sv").await;
    assert!(page.contains("Tillbaka till användarna"));
    assert!(page.contains("<dt>Tvåstegsverifiering</dt>"));
    assert!(page.contains(r#"<strong class="tag tag-on">Sms</strong>"#));
    assert!(page.contains("Frivillig för den här användaren."));
    assert!(page.contains("<dt>Återställningskoder</dt>"));
    assert!(page.contains("så bara"));
    assert!(page.contains(">utfärda en tillfällig åtkomstkod</a>"));
    assert!(page.contains(&format!(
        r#"<a class="button danger" href="/admin/users/{sara}/reset">Återställ tvåstegsverifiering</a>"#
    )));
    assert!(page.contains(">Logga ut överallt</a>") && page.contains(">Inaktivera kontot</a>"));
    assert!(page.contains("<h2 id=\"devices-title\">Betrodda enheter</h2>"));
    no_english(
        &page,
        &[
            "Back to users",
            "Text message (SMS)",
            "for this user",
            "Reset 2-step verification",
            "Sign out everywhere",
            "Trusted devices",
            "Active sessions",
            "None.",
        ],
    );

    let question = page_in(&app, &format!("/admin/users/{sara}/reset"), "sv").await;
    assert!(question.contains("Återställa tvåstegsverifieringen för "));
    assert!(question.contains(
        "(sara@example.com) kommer inte längre att logga in med koder som skickas i sms."
    ));
    assert!(question.contains("Tas bort: telefonen som inloggningsmetod"));
    assert!(question.contains("Alla sessioner avslutas, även inloggningar som pågår."));
    assert!(question.contains("Användaren får e-post om att du har återställt den."));
    assert!(question.contains(
        r#"<button type="submit" class="danger">Återställ tvåstegsverifiering</button>"#
    ));
    assert!(question.contains(">Avbryt</a>"));
    no_english(
        &question,
        &["will no longer", "Removed:", "Every session", "emailed"],
    );

    let reset = app
        .submit(
            &format!("/admin/users/{sara}/reset"),
            &format!("/admin/users/{sara}/reset"),
            &[],
        )
        .await;
    assert_redirect_to(&reset, &format!("/admin/users/{sara}?done=reset"));
    let done = page_in(&app, &format!("/admin/users/{sara}?done=reset"), "sv").await;
    assert!(done.contains(
        "Tvåstegsverifieringen återställdes. Användaren loggades ut överallt och fick e-post om det."
    ));
    assert!(done.contains(r#"<strong class="tag tag-off">Av</strong>"#));
    assert!(app.two_factor_method(sara).await.is_none());
}

async fn adding_a_user_with_a_bad_email_in_estonian(app: TestApp) {
    signed_in_admin(&app).await;
    speak(&app, "et");
    let form = page_in(&app, "/admin/users/new", "et").await;
    assert!(form.contains("<h1>Lisa kasutaja</h1>"));
    assert!(form.contains("Sina inimesele parooli ei anna"));
    assert!(form.contains(r#"<label for="phone">Telefoninumber (valikuline)</label>"#));
    no_english(
        &form,
        &["Add user", "The person gets no password", "(optional)"],
    );

    // An address an account has already.
    let taken = app
        .submit(
            "/admin/users/new",
            "/admin/users/new",
            &[("name", "Mari Maasikas"), ("email", "admin@example.com")],
        )
        .await;
    assert_eq!(taken.status().as_u16(), 422);
    let taken = taken.text().await.unwrap();
    assert!(taken.contains("<title>Viga: Lisa kasutaja · "));
    assert!(taken.contains(
        r#"<p class="field-error" id="email-error">Selle e-posti aadressiga konto on juba olemas.</p>"#
    ));
    no_english(&taken, &["already exists"]);

    // One that is no address at all: refused on the Estonian page, nothing added.
    let before = app.count("SELECT COUNT(*) FROM users").await;
    let bad = app
        .submit(
            "/admin/users/new",
            "/admin/users/new",
            &[("name", "Mari Maasikas"), ("email", "mari.example.com")],
        )
        .await;
    assert_eq!(bad.status().as_u16(), 422);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("<html lang=\"et\"") && bad.contains("<title>Viga: Lisa kasutaja · "));
    assert!(bad.contains(r#"id="email-error""#));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, before);
}

async fn the_security_settings_in_swedish(app: TestApp) {
    signed_in_admin(&app).await;
    speak(&app, "sv");
    let page = page_in(&app, "/admin/security", "sv").await;
    assert!(page.contains("<title>Säkerhetsinställningar · "));
    assert!(page.contains("<h1>Säkerhetsinställningar</h1>"));
    for label in [
        "Kräv tvåstegsverifiering av administratörer",
        "Administratörer måste använda lösennycklar",
        "Standardspråk",
        "Skicka e-post till användare när de loggar in från en ny enhet",
        "Betrodda enheter upphör att gälla",
        "Låt användarna välja hur länge sessionen varar",
        "Längsta session som användarna kan välja",
        "Logga ut efter inaktivitet",
        "Låt besökare skapa egna konton",
        "Tillåt registrering och inloggning med telefonnummer",
        "Appens namn",
        "Tillåtna sms-länder",
        "Standardland för telefonnummer",
        "Daglig sms-budget",
        "Sms per dag och landsnummer",
    ] {
        assert!(page.contains(&format!("{label}</label>")), "{label}");
    }
    assert!(
        page.contains("Ingen erbjuds den (administratörer erbjuds den ändå när den krävs av dem).")
    );
    assert!(page.contains("med ”Det var inte jag” för att avsluta alla sessioner"));
    assert!(page.contains("Ett nätverk är /24 av en IPv4-adress och /48 av en IPv6-adress."));
    assert!(page.contains("<legend>Sms till nummer som inget konto har verifierat</legend>"));
    for option in [
        "Efter 30 dagar",
        "Aldrig",
        "7 dagar",
        "1 dag",
        "30 minuter",
        "1 timme",
        "24 timmar",
    ] {
        assert!(page.contains(&format!(">{option}</option>")), "{option}");
    }
    assert!(page.contains(r#"<button type="submit">Spara</button>"#));
    no_english(
        &page,
        &[
            "Security settings",
            "Required for everyone",
            "Trusted devices expire",
            "After 30 days",
            "30 minutes",
            "Text messages and limits",
            "For the whole platform",
        ],
    );

    let mut fields = settings_form("Twostep");
    fields.retain(|(name, _)| *name != "trusted_devices" && *name != "inactivity_minutes");
    fields.extend([("trusted_devices", "never"), ("inactivity_minutes", "60")]);
    let saved = app.submit_on("/admin/security", &fields).await;
    assert_redirect_to(&saved, "/admin/security");
    let page = page_in(&app, "/admin/security", "sv").await;
    assert!(page.contains("<strong>Sparat.</strong>"));
    assert!(page.contains("<li>Betrodda enheter upphör att gälla: Efter 30 dagar → Aldrig</li>"));
    assert!(page.contains("<li>Logga ut efter inaktivitet: Aldrig → 1 timme</li>"));
    // The audit log keeps the change in English, as every event's detail.
    assert!(
        app.text_in_table("audit_events")
            .await
            .contains("Trusted devices expire: After 30 days → Never")
    );

    let wrong = app
        .submit_on(
            "/admin/security",
            &[("two_step", "sometimes"), ("app_name", "")],
        )
        .await;
    assert_eq!(wrong.status().as_u16(), 422);
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains("<title>Fel: Säkerhetsinställningar · "));
    assert!(wrong.contains("Välj om tvåstegsverifiering är av, frivillig eller krävs."));
    assert!(wrong.contains("Ange appens namn."));
}

async fn a_group_in_german(app: TestApp) {
    signed_in_admin(&app).await;
    let group = app.kit().create_group("Vertrieb", "allowed", None).await;
    speak(&app, "de");

    let groups = page_in(&app, "/admin/groups", "de").await;
    assert!(groups.contains("<h1>Gruppen</h1>"));
    assert!(groups.contains(r#"data-label="Mitglieder">0</td>"#));
    assert!(
        groups
            .contains(r#"data-label="Bestätigung in zwei Schritten für Mitglieder">Erlaubt</td>"#)
    );
    assert!(groups.contains(r#"<button type="submit">Gruppe erstellen</button>"#));

    let page = page_in(&app, &format!("/admin/groups/{group}"), "de").await;
    assert!(page.contains("Zurück zu den Gruppen"));
    assert!(
        page.contains(r#"<h2 id="rule-title">Bestätigung in zwei Schritten für Mitglieder</h2>"#)
    );
    for label in [
        "Erlaubt",
        "Nicht verfügbar",
        "Vorgeschrieben",
        "Jede Methode",
        "Nur Passkeys",
    ] {
        assert!(page.contains(&format!("{label}</label>")), "{label}");
    }
    assert!(page.contains("<label for=\"grace_days\">Übergangsfrist (Tage)</label>"));
    assert!(page.contains("<p>0 Mitglieder.</p>") && page.contains("Noch keine Mitglieder."));
    assert!(page.contains(r#"<button type="submit" class="danger">Gruppe löschen</button>"#));
    no_english(
        &page,
        &[
            "Back to groups",
            "Allowed",
            "Passkeys only",
            "members.",
            "Rename or delete",
        ],
    );

    let added = app
        .submit(
            &format!("/admin/groups/{group}"),
            &format!("/admin/groups/{group}/members"),
            &[("email", "admin@example.com")],
        )
        .await;
    assert_redirect_to(&added, &format!("/admin/groups/{group}?done=added"));
    let page = page_in(&app, &format!("/admin/groups/{group}?done=added"), "de").await;
    assert!(page.contains("Ada Admin wurde hinzugefügt."));
    assert!(page.contains("<p>1 Mitglied.</p>"));
    assert!(page.contains(r#"aria-label="Ada Admin aus Vertrieb entfernen">Entfernen</button>"#));
    assert!(page.contains(r#"data-label="E-Mail-Adresse">admin@example.com</td>"#));

    // Required asks first, saying whom it concerns.
    let asked = app
        .submit(
            &format!("/admin/groups/{group}"),
            &format!("/admin/groups/{group}/rule"),
            &[
                ("two_step", "required"),
                ("methods", "any"),
                ("grace_days", ""),
            ],
        )
        .await;
    let asked = asked.text().await.unwrap();
    assert!(asked.contains(
        "Die Bestätigung in zwei Schritten für diese Gruppe vorzuschreiben heißt: 0 Mitglieder müssen sie bei der nächsten Anmeldung einrichten."
    ));
    assert!(asked.contains(">Speichern und Bestätigung in zwei Schritten verlangen</button>"));

    let nameless = app
        .submit(
            &format!("/admin/groups/{group}"),
            &format!("/admin/groups/{group}/rename"),
            &[("name", " ")],
        )
        .await;
    assert_eq!(nameless.status().as_u16(), 422);
    let nameless = nameless.text().await.unwrap();
    assert!(nameless.contains("Geben Sie einen Namen für die Gruppe ein."));
}

/// GET `path` in the app's browser, its `Accept-Language` asking for `lang`.
async fn get_asking_for(app: &TestApp, path: &str, lang: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("accept-language", lang)
        .send()
        .await
        .unwrap()
}

async fn a_malformed_address_is_told_in_german(app: TestApp) {
    signed_in_admin(&app).await;
    let malformed = get_asking_for(&app, "/admin/users?after=abc", "de").await;
    let page = assert_page(malformed, 400, "Die Adresse ist fehlerhaft.").await;
    assert!(page.contains(r#"<html lang="de""#), "{page}");
    assert!(
        page.contains("<h1>Die Anfrage konnte nicht gelesen werden</h1>"),
        "{page}"
    );
    no_english(&page, &["The address is malformed.", "could not be read"]);
}

async fn the_last_administrator_is_refused_in_swedish(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let refused = get_asking_for(&app, &format!("/admin/users/{admin}/remove-admin"), "sv").await;
    let page = assert_page(
        refused,
        409,
        "Det här är den sista administratören: gör någon annan till administratör först.",
    )
    .await;
    assert!(page.contains(r#"<html lang="sv""#), "{page}");
    assert!(page.contains("<title>Fel: Ada Admin"), "{page}");
    no_english(
        &page,
        &["This is the last administrator", "There is a problem"],
    );
}

on_both_databases!(
    the_overview_and_the_users_list_in_german,
    an_sms_user_and_the_reset_in_swedish,
    adding_a_user_with_a_bad_email_in_estonian,
    the_security_settings_in_swedish,
    a_group_in_german,
    a_malformed_address_is_told_in_german,
    the_last_administrator_is_refused_in_swedish,
);
