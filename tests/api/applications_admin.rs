//! Applications in the control center (`/admin/applications`): an administrator adds,
//! edits, gives a new secret to and deletes the applications that sign in through Twostep,
//! on both databases. The secret is shown once and stored only as its SHA-256; bad input is
//! said on the form; nobody else gets in.

use sha2::{Digest, Sha256};
use sqlx::Row;
use twostep::db::audit::Origin;
use twostep::services::admin::Actor;
use twostep::services::applications::{ApplicationInput, secret_matches};

use crate::admin::signed_in_admin;
use crate::helpers::{
    AuditRow, Backend, TestApp, assert_page, assert_redirect_to, csrf_token, submit_with,
};
use crate::{on_both_databases, on_each_backend};

const LIST: &str = "/admin/applications";
const NEW: &str = "/admin/applications/new";
const SHOWN_ONCE: &str = "The client secret is shown only once, on this page.";

/// Registers an application through the use case the command line uses; its id and, for
/// a confidential client, its secret.
pub(crate) async fn add_application(
    app: &TestApp,
    name: &str,
    public: bool,
) -> (i64, Option<String>) {
    let settings = ApplicationInput {
        name,
        redirect_uris: "https://crm.example.com/oidc/callback",
        post_logout_uris: "",
        public,
        require_two_step: false,
        room_id: None,
    }
    .parse()
    .unwrap_or_else(|problems| panic!("{problems:?}"));
    let created = app
        .state
        .services
        .create_application(Actor::CommandLine, &settings, &Origin::default())
        .await
        .unwrap()
        .unwrap();
    (created.application.id, created.secret)
}

/// The text of `<code id="{id}">` on `page`.
fn code(page: &str, id: &str) -> String {
    let marker = format!(r#"<code id="{id}">"#);
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {marker} in:\n{page}"))
        + marker.len();
    let end = page[start..].find("</code>").unwrap();
    page[start..start + end].to_owned()
}

fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The stored row of application `id`: (name, secret_hash, public_client,
/// require_two_step, room_id, redirect_uris, post_logout_uris).
async fn stored(app: &TestApp, id: i64) -> Option<sqlx::any::AnyRow> {
    sqlx::query(
        "SELECT name, secret_hash, public_client, require_two_step, room_id, redirect_uris, post_logout_uris FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&app.db.pool)
    .await
    .unwrap()
}

async fn application_id(app: &TestApp, client_id: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM applications WHERE client_id = $1")
        .bind(client_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// The form as the page sends it.
fn form<'a>(
    name: &'a str,
    redirect_uris: &'a str,
    client_type: &'a str,
    room: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("name", name),
        ("redirect_uris", redirect_uris),
        ("post_logout_uris", ""),
        ("client_type", client_type),
        ("room_id", room),
    ]
}

on_both_databases!(
    an_administrator_adds_edits_renews_and_deletes_an_application,
    bad_input_is_said_on_the_form_and_writes_nothing,
    unknown_and_malformed_ids_are_not_found,
    only_administrators_get_in,
);

async fn an_administrator_adds_edits_renews_and_deletes_an_application(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let room = app
        .kit()
        .create_room(admin, "Deal", None, true, &["admin@example.com"])
        .await;
    let list = assert_page(app.get(LIST).await, 200, "No applications yet.").await;
    assert!(list.contains(r#"<a href="/admin/applications" aria-current="page">Applications</a>"#));
    assert_eq!(code(&list, "issuer"), "http://localhost:8080");
    assert_eq!(
        code(&list, "discovery"),
        "http://localhost:8080/.well-known/openid-configuration"
    );
    assert!(
        list.contains(r#"<a class="button" href="/admin/applications/new">Add application</a>"#)
    );
    let overview = app.get_text("/admin").await;
    assert!(overview.contains(r#"<a href="/admin/applications">Applications</a>"#));

    // The form, with every control by its name.
    let blank = assert_page(app.get(NEW).await, 200, "<h1>Add application</h1>").await;
    for control in [
        r#"<label for="name">Name</label>"#,
        r#"<label for="redirect_uris">Redirect URIs</label>"#,
        r#"<textarea id="redirect_uris" name="redirect_uris""#,
        r#"<label for="post_logout_uris">Post-logout redirect URIs</label>"#,
        r#"<textarea id="post_logout_uris" name="post_logout_uris""#,
        "<legend>Client type</legend>",
        r#"value="confidential" checked"#,
        r#"<label for="client_type-confidential">Confidential</label>"#,
        r#"<label for="client_type-public">Public</label>"#,
        r#"<label for="require_two_step">Require 2-step verification</label>"#,
        r#"<label for="room_id">Data room</label>"#,
        r#"<option value="">None</option>"#,
        &format!(r#"<option value="{room}">Deal</option>"#),
        r#"<button type="submit">Add application</button>"#,
    ] {
        assert!(blank.contains(control), "no {control} in:\n{blank}");
    }

    // A confidential application: its client ID and secret, once.
    let room_text = room.to_string();
    let mut fields = form(
        "CRM",
        "https://crm.example.com/oidc/callback\r\nhttp://localhost:3000/cb\r\n",
        "confidential",
        &room_text,
    );
    fields.push(("post_logout_uris", "https://crm.example.com/bye"));
    fields.retain(|f| *f != ("post_logout_uris", ""));
    fields.push(("require_two_step", "yes"));
    let added = app.submit(NEW, NEW, &fields).await;
    assert_eq!(added.headers()["cache-control"], "no-store");
    let page = assert_page(added, 200, "<h1>CRM was added</h1>").await;
    assert!(page.contains(SHOWN_ONCE), "{page}");
    assert!(page.contains("<dt>Client ID</dt>") && page.contains("<dt>Client secret</dt>"));
    assert_eq!(code(&page, "issuer"), "http://localhost:8080");
    let client_id = code(&page, "client-id");
    let secret = code(&page, "client-secret");
    assert_eq!((client_id.len(), secret.len()), (43, 43));
    let id = application_id(&app, &client_id).await;
    let row = stored(&app, id).await.unwrap();
    assert_eq!(row.get::<String, _>(0), "CRM");
    assert_eq!(row.get::<Option<String>, _>(1), Some(sha256_hex(&secret)));
    assert_eq!((row.get::<i64, _>(2), row.get::<i64, _>(3)), (0, 1));
    assert_eq!(row.get::<Option<i64>, _>(4), Some(room));
    assert_eq!(
        row.get::<String, _>(5),
        "https://crm.example.com/oidc/callback\nhttp://localhost:3000/cb"
    );
    assert_eq!(row.get::<String, _>(6), "https://crm.example.com/bye");
    for table in ["applications", "audit_events", "sessions"] {
        assert!(
            !app.text_in_table(table).await.contains(&secret),
            "the secret is stored in {table}"
        );
    }

    // The list shows it, and never the secret again.
    let list = app.get_text(LIST).await;
    assert!(!list.contains(&secret));
    assert!(!list.contains("No applications yet."));
    for shown in [
        r#"<td data-label="Name">CRM</td>"#,
        &format!("<code>{client_id}</code>"),
        r#"<td data-label="Type">Confidential</td>"#,
        r#"<strong class="tag tag-on">On</strong>"#,
        r#"<td data-label="Data room">Deal</td>"#,
        &format!(
            r#"<a href="/admin/applications/{id}/edit">Edit<span class="visually-hidden"> CRM</span></a>"#
        ),
        &format!(
            r#"<a href="/admin/applications/{id}/new-secret">Generate new secret<span class="visually-hidden"> for CRM</span></a>"#
        ),
        &format!(
            r#"<a href="/admin/applications/{id}/delete">Delete<span class="visually-hidden"> CRM</span></a>"#
        ),
    ] {
        assert!(list.contains(shown), "no {shown} in:\n{list}");
    }

    // A public application has no secret, and no "Generate new secret".
    let added = app
        .submit(
            NEW,
            NEW,
            &form("Mobile", "http://127.0.0.1:7000/cb", "public", ""),
        )
        .await;
    let page = assert_page(added, 200, "<h1>Mobile was added</h1>").await;
    assert!(!page.contains("Client secret") && !page.contains(SHOWN_ONCE));
    assert!(page.contains("A public application has no client secret"));
    let public = application_id(&app, &code(&page, "client-id")).await;
    let row = stored(&app, public).await.unwrap();
    assert_eq!(row.get::<Option<String>, _>(1), None);
    assert_eq!(row.get::<i64, _>(2), 1);
    let list = app.get_text(LIST).await;
    assert!(list.contains(r#"<td data-label="Type">Public</td>"#));
    assert!(!list.contains(&format!("/admin/applications/{public}/new-secret")));
    assert!(
        list.find(">CRM<").unwrap() < list.find(">Mobile<").unwrap(),
        "by name"
    );
    let no_secret = format!("/admin/applications/{public}/new-secret");
    assert_eq!(app.get(&no_secret).await.status().as_u16(), 409);
    assert_eq!(
        app.submit(LIST, &no_secret, &[]).await.status().as_u16(),
        409
    );

    // Edit: everything but the type and the secret.
    let edit = format!("/admin/applications/{id}/edit");
    let page = assert_page(app.get(&edit).await, 200, "<h1>Edit CRM</h1>").await;
    assert_eq!(code(&page, "client-id"), client_id);
    assert!(!page.contains(&secret) && !page.contains("<legend>Client type</legend>"));
    assert!(
        page.contains(
            ">https://crm.example.com/oidc/callback\nhttp://localhost:3000/cb</textarea>"
        )
    );
    assert!(page.contains(r#"name="require_two_step" type="checkbox" value="yes" checked"#));
    assert!(page.contains(&format!(r#"<option value="{room}" selected>Deal</option>"#)));
    let saved = app
        .submit(
            &edit,
            &edit,
            &form("CRM 2", "https://crm2.example.com/cb", "public", ""),
        )
        .await;
    assert_redirect_to(&saved, "/admin/applications?done=saved");
    assert_page(
        app.get("/admin/applications?done=saved").await,
        200,
        "CRM 2 was saved.",
    )
    .await;
    let row = stored(&app, id).await.unwrap();
    assert_eq!(row.get::<String, _>(0), "CRM 2");
    assert_eq!(row.get::<Option<String>, _>(1), Some(sha256_hex(&secret)));
    assert_eq!(
        (row.get::<i64, _>(2), row.get::<i64, _>(3)),
        (0, 0),
        "still confidential"
    );
    assert_eq!(row.get::<Option<i64>, _>(4), None);
    assert_eq!(row.get::<String, _>(5), "https://crm2.example.com/cb");
    assert_eq!(row.get::<String, _>(6), "");

    // A new secret: asked first, shown once, the old one dead.
    let renew = format!("/admin/applications/{id}/new-secret");
    let question = assert_page(
        app.get(&renew).await,
        200,
        "<h1>Generate a new secret for CRM 2?</h1>",
    )
    .await;
    assert!(question.contains("The current secret of CRM 2 stops working at once"));
    assert!(
        question.contains(r#"<button type="submit" class="danger">Generate new secret</button>"#)
    );
    assert_eq!(
        stored(&app, id).await.unwrap().get::<Option<String>, _>(1),
        Some(sha256_hex(&secret)),
        "asking changes nothing"
    );
    let renewed = app.submit(&renew, &renew, &[]).await;
    assert_eq!(renewed.headers()["cache-control"], "no-store");
    let page = assert_page(renewed, 200, "<h1>New secret for CRM 2</h1>").await;
    assert!(page.contains("and the old secret no longer works"));
    let new_secret = code(&page, "client-secret");
    assert_ne!(new_secret, secret);
    assert_eq!(code(&page, "client-id"), client_id, "the client ID stays");
    let application = app
        .state
        .services
        .find_application(id)
        .await
        .unwrap()
        .unwrap();
    assert!(secret_matches(&application, &new_secret));
    assert!(
        !secret_matches(&application, &secret),
        "the old secret no longer matches"
    );
    assert!(!app.get_text(LIST).await.contains(&new_secret));
    assert!(!app.get_text(&edit).await.contains(&new_secret));

    // Delete: asked first, then gone.
    let delete = format!("/admin/applications/{id}/delete");
    let question = assert_page(app.get(&delete).await, 200, "<h1>Delete CRM 2?</h1>").await;
    assert!(question.contains("Nobody can sign in to CRM 2 through Twostep any more"));
    assert!(
        question.contains(r#"<button type="submit" class="danger">Delete application</button>"#)
    );
    assert!(question.contains(r#"<a href="/admin/applications">Cancel</a>"#));
    assert!(stored(&app, id).await.is_some(), "asking changes nothing");
    let deleted = app.submit(&delete, &delete, &[]).await;
    assert_redirect_to(&deleted, "/admin/applications?done=deleted");
    let list = assert_page(
        app.get("/admin/applications?done=deleted").await,
        200,
        "CRM 2 was deleted.",
    )
    .await;
    assert!(!list.contains(&client_id));
    assert!(stored(&app, id).await.is_none());
    assert_eq!(app.get(&edit).await.status().as_u16(), 404);

    // Each change audited, the administrator as actor, naming the application.
    let audited: Vec<AuditRow> = app
        .audit_rows()
        .await
        .into_iter()
        .filter(|row| row.event.starts_with("application."))
        .collect();
    let by_admin = |event: &str| AuditRow {
        event: event.into(),
        actor: Some(admin),
        subject: None,
        ip: Some("127.0.0.1".into()),
    };
    assert_eq!(
        audited,
        [
            by_admin("application.added"),
            by_admin("application.added"),
            by_admin("application.changed"),
            by_admin("application.secret_renewed"),
            by_admin("application.deleted"),
        ]
    );
    assert_eq!(
        app.audit_detail("application.deleted").await,
        format!("CRM 2 (client {client_id})")
    );
    // The audit log says it in words, naming the application.
    let log = app.get_text("/admin/audit").await;
    assert!(log.contains("Application secret renewed"));
    assert!(
        log.contains(&format!("The application CRM 2 (client {client_id}).")),
        "{log}"
    );
}

/// A form as sent, the field it gets wrong, and what the page says.
type Case<'a> = (Vec<(&'static str, &'a str)>, &'static str, &'static str);

/// Every way the form can be wrong: a 422 with the message beside its field and in the
/// summary, what was typed kept, and nothing written.
async fn bad_input_is_said_on_the_form_and_writes_nothing(app: TestApp) {
    signed_in_admin(&app).await;
    let events = app.audit_events().await.len();
    let long_name = "N".repeat(101);
    let long_uri = format!("https://crm.example.com/{}", "a".repeat(2_000));
    let many: String = (0..21)
        .map(|n| format!("https://crm.example.com/{n}\n"))
        .collect();
    let cases: Vec<Case> = vec![
        (vec![], "redirect_uris", "Enter at least one redirect URI"),
        (
            form("", "https://crm.example.com/cb", "confidential", ""),
            "name",
            "Enter the application&#39;s name.",
        ),
        (
            form(&long_name, "https://crm.example.com/cb", "confidential", ""),
            "name",
            "The name must be at most 100 characters, on one line.",
        ),
        (
            form(
                "Two\nlines",
                "https://crm.example.com/cb",
                "confidential",
                "",
            ),
            "name",
            "on one line",
        ),
        (
            form("CRM", "http://crm.example.com/cb", "confidential", ""),
            "redirect_uris",
            "must start with https://",
        ),
        (
            form("CRM", "javascript:alert(1)//x", "confidential", ""),
            "redirect_uris",
            "is not a full address",
        ),
        (
            form(
                "CRM",
                "https://user:pw@crm.example.com/cb",
                "confidential",
                "",
            ),
            "redirect_uris",
            "may not hold a user name, a password or a #fragment.",
        ),
        (
            form("CRM", "https://crm.example.com/cb#x", "confidential", ""),
            "redirect_uris",
            "#fragment",
        ),
        (
            form("CRM", "<script>alert(1)</script>", "confidential", ""),
            "redirect_uris",
            "&#60;script&#62;",
        ),
        (
            form("CRM", &long_uri, "confidential", ""),
            "redirect_uris",
            "Enter at most 20 addresses, each at most 2,000 characters.",
        ),
        (
            form("CRM", &many, "confidential", ""),
            "redirect_uris",
            "Enter at most 20 addresses.",
        ),
        (
            form("CRM", "https://crm.example.com/cb", "admin", ""),
            "client_type",
            "Choose the client type: Confidential or Public.",
        ),
        (
            form("CRM", "https://crm.example.com/cb", "", ""),
            "client_type",
            "Choose the client type",
        ),
        (
            form("CRM", "https://crm.example.com/cb", "public", "abc"),
            "room_id",
            "Choose a data room from the list, or None.",
        ),
        (
            form("CRM", "https://crm.example.com/cb", "public", "-3"),
            "room_id",
            "Choose a data room from the list, or None.",
        ),
        (
            form(
                "CRM",
                "https://crm.example.com/cb",
                "public",
                "99999999999999999999",
            ),
            "room_id",
            "Choose a data room from the list",
        ),
        (
            form("CRM", "https://crm.example.com/cb", "public", "999999"),
            "room_id",
            "That data room no longer exists. Choose another, or None.",
        ),
    ];
    for (fields, field, message) in &cases {
        let answer = app.submit(NEW, NEW, fields).await;
        let page = assert_page(answer, 422, message).await;
        assert!(page.contains("There is a problem"), "{fields:?}");
        assert!(
            page.contains(&format!(r##"<a href="#{field}">"##)),
            "{field}: {page}"
        );
        assert!(page.contains("<title>Error: Add application"), "{fields:?}");
        // What was typed is kept.
        if let Some((_, uris)) = fields.iter().find(|(name, _)| *name == "redirect_uris")
            && uris.len() < 100
            && !uris.contains('<')
        {
            assert!(page.contains(&format!(">{uris}</textarea>")), "{uris} kept");
        }
    }
    let kept = app
        .submit(
            NEW,
            NEW,
            &form("CRM", "http://crm.example.com/cb", "public", ""),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(kept.contains(r#"value="CRM""#) && kept.contains(r#"value="public" checked"#));
    // Too large for any form, and a form that is not one.
    let huge = "x".repeat(70 * 1024);
    assert_eq!(
        app.submit(NEW, NEW, &form(&huge, "", "", ""))
            .await
            .status()
            .as_u16(),
        413
    );
    let token = csrf_token(&app.get_text(NEW).await);
    let twice = app
        .client
        .post(app.url(NEW))
        .form(&[("csrf_token", token.as_str()), ("name", "A"), ("name", "B")])
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status().as_u16(), 400);
    assert_eq!(app.count("SELECT COUNT(*) FROM applications").await, 0);
    assert_eq!(app.audit_events().await.len(), events, "nothing audited");

    // A name that is markup is shown as text.
    let added = app
        .submit(
            NEW,
            NEW,
            &form("<b>CRM</b>", "https://crm.example.com/cb", "public", ""),
        )
        .await;
    let page = assert_page(added, 200, "&#60;b&#62;CRM&#60;/b&#62; was added").await;
    assert!(!page.contains("<b>CRM</b>"));

    // Editing refuses as adding does, and keeps what was typed.
    let id: i64 = app.count("SELECT MAX(id) FROM applications").await;
    let edit = format!("/admin/applications/{id}/edit");
    let refused = app
        .submit(
            &edit,
            &edit,
            &form("", "ftp://crm.example.com/x", "public", "7"),
        )
        .await;
    let page = assert_page(refused, 422, "Enter the application&#39;s name.").await;
    assert!(page.contains(">ftp://crm.example.com/x</textarea>"));
    assert!(page.contains("must start with https://"));
    let row = stored(&app, id).await.unwrap();
    assert_eq!(row.get::<String, _>(0), "<b>CRM</b>", "nothing changed");
}

/// Ids of nothing, and ids that are no ids: 404 on every page and change.
async fn unknown_and_malformed_ids_are_not_found(app: TestApp) {
    signed_in_admin(&app).await;
    let (id, _) = add_application(&app, "CRM", false).await;
    for bad in [
        "999999",
        "0",
        "-1",
        "abc",
        "1.5",
        "9223372036854775808",
        "%00",
    ] {
        for action in ["edit", "new-secret", "delete"] {
            let path = format!("/admin/applications/{bad}/{action}");
            assert_eq!(app.get(&path).await.status().as_u16(), 404, "GET {path}");
            let fields = form("CRM", "https://crm.example.com/cb", "public", "");
            let answer = app.submit(LIST, &path, &fields).await;
            assert_eq!(answer.status().as_u16(), 404, "POST {path}");
        }
    }
    assert!(stored(&app, id).await.is_some());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events WHERE event LIKE 'application.%'")
            .await,
        1
    );
}

/// Anyone but an administrator: the sign-in page, or 403; nothing changes.
async fn only_administrators_get_in(app: TestApp) {
    let (id, secret) = add_application(&app, "CRM", false).await;
    app.create_user("user@example.com", "Ursula User", false)
        .await;
    let browser = app.signed_in_browser("user@example.com").await;
    let (anonymous, _) = app.new_browser();
    let pages = [
        LIST.to_owned(),
        NEW.to_owned(),
        format!("/admin/applications/{id}/edit"),
        format!("/admin/applications/{id}/new-secret"),
        format!("/admin/applications/{id}/delete"),
    ];
    for page in &pages {
        let answer = app.get_in(&browser, page).await;
        assert_eq!(answer.status().as_u16(), 403, "GET {page}");
        let answer = app.get_in(&anonymous, page).await;
        assert_eq!(
            crate::helpers::location_of(&answer).as_deref(),
            Some("/login"),
            "GET {page}"
        );
    }
    let fields = form("Eve", "https://evil.example/cb", "confidential", "");
    for page in &pages[1..] {
        let answer = submit_with(&browser, &app.address, "/account/security", page, &fields).await;
        assert_eq!(answer.status().as_u16(), 403, "POST {page}");
        let answer = submit_with(&anonymous, &app.address, "/login", page, &fields).await;
        assert_eq!(
            crate::helpers::location_of(&answer).as_deref(),
            Some("/login"),
            "POST {page}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM applications").await, 1);
    let application = app
        .state
        .services
        .find_application(id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(application.name, "CRM");
    assert!(secret_matches(&application, &secret.unwrap()));
}

/// The issuer an application is told is the public address without its trailing slash,
/// and discovery is under it.
async fn the_issuer_is_the_public_address_without_its_slash(backend: Backend) {
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.public_url = "http://portal.example:8080/sso/".parse().unwrap();
    })
    .await
    else {
        return;
    };
    signed_in_admin(&app).await;
    let added = app
        .submit(
            NEW,
            NEW,
            &form("CRM", "https://crm.example.com/cb", "confidential", ""),
        )
        .await;
    let page = assert_page(added, 200, SHOWN_ONCE).await;
    assert_eq!(code(&page, "issuer"), "http://portal.example:8080/sso");
    assert_eq!(
        code(&page, "discovery"),
        "http://portal.example:8080/sso/.well-known/openid-configuration"
    );
}

on_each_backend!(the_issuer_is_the_public_address_without_its_slash => issuer_on_sqlite, issuer_on_postgres);
