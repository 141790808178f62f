//! Translated pages: audit_rooms (issue 26). The audit log, its CSV, the data rooms and the
//! applications as an administrator reads them in German, Swedish and Estonian: labels,
//! sentences, buttons and refusals in that language, no English sentence of the page left.
//! Events are made as people make them (signing in with a code, setting up the
//! authenticator app, creating a room); the language is chosen with the "Language" menu.

use crate::admin::signed_in_admin;
use crate::helpers::{TestApp, assert_redirect_to, oathtool, submit_with};
use crate::on_both_databases;
use crate::rooms::{create_group, create_room};

/// The administrator chooses `lang` in the "Language" menu on `page`.
async fn choose_language(app: &TestApp, page: &str, lang: &str) {
    let chosen = app
        .submit(page, "/language", &[("lang", lang), ("back", page)])
        .await;
    assert_redirect_to(&chosen, page);
}

/// The page at `path`, with its status.
async fn page(app: &TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

fn assert_has(page: &str, words: &[&str]) {
    for word in words {
        assert!(page.contains(word), "missing {word:?} in:\n{page}");
    }
}

fn assert_has_not(page: &str, words: &[&str]) {
    for word in words {
        assert!(!page.contains(word), "English {word:?} left in:\n{page}");
    }
}

/// Grace sets up the authenticator app in her own browser: 2-step verification turned on.
async fn grace_turns_on_the_app(app: &TestApp) {
    app.create_user("grace@example.com", "Grace Hopper", false)
        .await;
    let grace = app.signed_in_browser("grace@example.com").await;
    let setup = "/account/security/app";
    let page = app.get_text_in(&grace, setup).await;
    let marker = r#"<p class="setup-key" id="setup-key">"#;
    let start = page.find(marker).unwrap() + marker.len();
    let key = page[start..start + page[start..].find('<').unwrap()].replace(' ', "");
    let code = oathtool(&key, app.clock.now());
    let confirmed = submit_with(&grace, &app.address, setup, setup, &[("code", &code)]).await;
    assert_redirect_to(&confirmed, "/account/security/recovery-codes/new");
}

async fn the_audit_log_reads_in_german(app: TestApp) {
    signed_in_admin(&app).await;
    grace_turns_on_the_app(&app).await;
    create_room(&app, "Falcon", "", true, "").await;
    choose_language(&app, "/admin/audit", "de").await;

    let (status, log) = page(&app, "/admin/audit").await;
    assert_eq!(status, 200);
    assert_has(
        &log,
        &[
            "<title>Ereignisprotokoll",
            "<h1>Ereignisprotokoll</h1>",
            ">Filtern</button>",
            ">Alle Ereignisse</option>",
            r#"<optgroup label="Bestätigung in zwei Schritten">"#,
            ">Herunterladen (CSV)</a>",
            r#"data-label="Ereignis">Angemeldet</td>"#,
            "Mit dem Passwort und einem Code per SMS.",
            r#"data-label="Ereignis">Bestätigung in zwei Schritten eingeschaltet</td>"#,
            "Mit einer Authenticator-App.",
            r#"data-label="Ereignis">Datenraum erstellt</td>"#,
            "Datenraum Falcon: erzwungene Bestätigung in zwei Schritten eingeschaltet.",
            r#"<th scope="col">Ausgeführt von</th>"#,
        ],
    );
    assert_has_not(
        &log,
        &[
            "Audit log",
            ">Signed in<",
            "With the password",
            "2-step verification turned on",
            "With an authenticator app.",
            "Data room created",
            "All events",
            "Security events",
        ],
    );

    let (status, refused) = page(&app, "/admin/audit?from=yesterday&until=2026-01-01").await;
    assert_eq!(status, 422);
    assert_has(
        &refused,
        &[
            "<title>Fehler: Ereignisprotokoll",
            "Geben Sie das erste Datum als JJJJ-MM-TT ein.",
        ],
    );
    assert_has_not(&refused, &["Enter the first date"]);
}

async fn the_audit_csv_reads_in_swedish(app: TestApp) {
    signed_in_admin(&app).await;
    grace_turns_on_the_app(&app).await;
    choose_language(&app, "/admin/audit", "sv").await;

    let csv = app.get("/admin/audit.csv").await;
    assert_eq!(csv.status().as_u16(), 200);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let body = csv.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    // The column names and the stored name stay as scripts read them.
    assert_eq!(
        lines[0],
        "time,event,actor,subject,ip_address,detail,event_name"
    );
    let signed_in = lines
        .iter()
        .find(|line| {
            line.ends_with(r#","sign_in.succeeded""#) && line.contains(r#","admin@example.com","#)
        })
        .expect("the administrator's sign-in");
    assert!(
        signed_in.contains(r#","Inloggad","admin@example.com","#)
            && signed_in.contains(r#","Med lösenordet och en kod via sms.","#),
        "{signed_in}"
    );
    let turned_on = lines
        .iter()
        .find(|line| line.ends_with(r#","two_step.enabled""#))
        .expect("2-step verification turned on");
    assert!(
        turned_on.contains(r#","Tvåstegsverifiering påslagen","#)
            && turned_on.contains(r#","Med en autentiseringsapp.","#),
        "{turned_on}"
    );
    assert_has_not(&body, &["Signed in", "With the password", "turned on"]);
}

async fn the_data_rooms_read_in_estonian(app: TestApp) {
    signed_in_admin(&app).await;
    let room = create_room(&app, "Falcon", "https://docs.example.com/deal/", true, "").await;
    create_group(&app, room, "Buyers").await;
    choose_language(&app, "/admin/rooms", "et").await;

    let (status, rooms) = page(&app, "/admin/rooms").await;
    assert_eq!(status, 200);
    assert_has(
        &rooms,
        &[
            "<title>Andmeruumid",
            "<h1>Andmeruumid</h1>",
            ">Loo uus andmeruum</a>",
            r#"<th scope="col">Kohustuslik kaheastmeline kinnitamine</th>"#,
            r#"<th scope="col">Rakenduse aadress</th>"#,
            ">Sees</strong>",
            r#"data-label="Nimi"><a href="/admin/rooms/"#,
            ">Muuda<span",
        ],
    );
    assert_has_not(
        &rooms,
        &[
            "Data rooms",
            "Create new data room",
            "Enforced two-factor",
            ">Edit<",
        ],
    );

    let (status, falcon) = page(&app, &format!("/admin/rooms/{room}")).await;
    assert_eq!(status, 200);
    assert_has(
        &falcon,
        &[
            "<h1>Falcon</h1>",
            ">Tagasi andmeruumide juurde</a>",
            "<dt>Ruumi administraatorid</dt>",
            ">Muuda seadeid<",
            r#"<h2 id="groups-title">Kasutajagrupid</h2>"#,
            r#"data-label="Grupp">Buyers</td>"#,
            r#">Kasutajaõigused<span class="visually-hidden"> grupis Buyers</span>"#,
            ">Uus kasutajagrupp</label>",
            ">Loo grupp</button>",
        ],
    );
    assert_has_not(
        &falcon,
        &[
            "Back to data rooms",
            "User groups",
            "Create group",
            "Room administrators",
        ],
    );

    // A group name the room has already: said beside the field, in Estonian.
    let refused = app
        .submit(
            &format!("/admin/rooms/{room}"),
            &format!("/admin/rooms/{room}/groups"),
            &[("name", "Buyers")],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert_has(
        &refused,
        &[
            "<title>Viga: Falcon",
            "Ruumis on selle nimega grupp juba olemas.",
        ],
    );
}

async fn a_bad_application_address_is_refused_in_german(app: TestApp) {
    signed_in_admin(&app).await;
    choose_language(&app, "/admin/rooms/new", "de").await;
    let (status, form) = page(&app, "/admin/rooms/new").await;
    assert_eq!(status, 200);
    assert_has(
        &form,
        &[
            "<h1>Neuen Datenraum erstellen</h1>",
            r#"<label for="app_url">Anwendungsadresse</label>"#,
            "Erzwungene Bestätigung in zwei Schritten einschalten",
            ">Datenraum erstellen</button>",
        ],
    );
    assert_has_not(&form, &["Application address", "Create data room"]);

    let refused = app
        .submit(
            "/admin/rooms/new",
            "/admin/rooms/new",
            &[
                ("name", "Falcon"),
                ("app_url", "ftp://files.example.com/deal"),
            ],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert_has(
        &refused,
        &[
            "<title>Fehler: Neuen Datenraum erstellen",
            "Die Anwendungsadresse muss mit https:// oder http:// beginnen (eine Webadresse, die die Mitglieder des Raums in ihrem Browser öffnen).",
        ],
    );
    assert_has_not(&refused, &["The application address must"]);
    assert_eq!(app.count_events("room.created").await, 0);
}

async fn the_applications_read_in_swedish(app: TestApp) {
    signed_in_admin(&app).await;
    choose_language(&app, "/admin/applications", "sv").await;

    let (status, list) = page(&app, "/admin/applications").await;
    assert_eq!(status, 200);
    assert_has(
        &list,
        &[
            "<title>Applikationer",
            "<h1>Applikationer</h1>",
            "i stället för att själva hantera lösenord och koder",
            "<dt>Utfärdare (issuer)</dt>",
            ">Lägg till applikation</a>",
            "<p>Inga applikationer än.</p>",
        ],
    );
    assert_has_not(
        &list,
        &["Add application", "No applications yet", "Issuer<"],
    );

    let (status, form) = page(&app, "/admin/applications/new").await;
    assert_eq!(status, 200);
    assert_has(
        &form,
        &[
            "<h1>Lägg till applikation</h1>",
            ">Tillbaka till applikationer</a>",
            r#"<label for="redirect_uris">Omdirigerings-URI:er</label>"#,
            "<legend>Klienttyp</legend>",
            r#"<label for="client_type-confidential">Konfidentiell</label>"#,
            r#"<label for="client_type-public">Publik</label>"#,
            ">Kräv tvåstegsverifiering</label>",
            r#"<option value="">Inget</option>"#,
            ">Lägg till applikation</button>",
        ],
    );
    assert_has_not(
        &form,
        &[
            "Redirect URIs",
            "Client type",
            "Confidential",
            "Back to applications",
        ],
    );

    let refused = app
        .submit(
            "/admin/applications/new",
            "/admin/applications/new",
            &[
                ("name", ""),
                ("redirect_uris", ""),
                ("client_type", "confidential"),
            ],
        )
        .await;
    assert_eq!(refused.status().as_u16(), 422);
    let refused = refused.text().await.unwrap();
    assert_has(
        &refused,
        &[
            "<title>Fel: Lägg till applikation",
            "Ange applikationens namn.",
            "Ange minst en omdirigerings-URI: adressen i applikationen som tar emot inloggningen.",
        ],
    );
    assert_has_not(&refused, &["Enter the application", "Enter at least one"]);
}

on_both_databases!(
    the_audit_log_reads_in_german,
    the_audit_csv_reads_in_swedish,
    the_data_rooms_read_in_estonian,
    a_bad_application_address_is_refused_in_german,
    the_applications_read_in_swedish,
);
