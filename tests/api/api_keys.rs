//! API keys (issue 27), in the control center (`/admin/api-keys`) and from the command line:
//! made once, shown once, stored hashed, listed, revoked after a question and a recent
//! password; checked for what a script presents (unknown, wrong secret, expired, revoked),
//! each key under its own rate limit whatever the burst; changes made with a key are
//! audited under its name.

use std::sync::Arc;

use twostep::clock::Clock;
use twostep::config::Settings;
use twostep::db::Db;
use twostep::db::audit::Origin;
use twostep::domain::api_keys::{KeySettings, REQUESTS_PER_MINUTE, Scope, Scopes};
use twostep::services::admin::Actor;
use twostep::services::api_keys::{ApiCaller, ApiKeyRefusal, CreatedKey, KeyProblem};
use twostep::startup::start_services;

use crate::admin::signed_in_admin;
use crate::cli::twostep;
use crate::helpers::{
    Backend, GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to, csrf_token,
    fresh_database_url, location_of, submit_with, unescaped,
};
use crate::{on_both_databases, on_each_backend};

const LIST: &str = "/admin/api-keys";
const NEW: &str = "/admin/api-keys/new";

/// The text of `<code id="api-key">` on `page`.
fn shown_key(page: &str) -> String {
    let marker = r#"<code id="api-key">"#;
    let start = page.find(marker).expect("the page shows the key") + marker.len();
    let end = page[start..].find('<').unwrap();
    page[start..start + end].to_owned()
}

/// The form's fields: a name, the scopes ticked, an expiry.
fn form<'a>(name: &'a str, scopes: &[&'a str], expires: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![("name", name), ("expires", expires)];
    fields.extend(scopes.iter().map(|scope| ("scopes", *scope)));
    fields
}

async fn key_events(app: &TestApp) -> Vec<(String, Option<i64>, Option<String>)> {
    sqlx::query_as(
        "SELECT event, actor_user_id, detail FROM audit_events WHERE event LIKE 'api_key.%' ORDER BY id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

/// A key made from the command line's use case.
async fn make_key(app: &TestApp, name: &str, scopes: &[&str], days: Option<i64>) -> CreatedKey {
    let settings = KeySettings::parse(name, scopes, days).expect("good settings");
    app.state
        .services
        .create_api_key(Actor::CommandLine, &settings, &Origin::default())
        .await
        .unwrap()
        .expect("the key is made")
}

async fn authenticate(app: &TestApp, key: &str) -> Result<ApiCaller, KeyProblem> {
    app.state.services.authenticate_api_key(key).await.unwrap()
}

/// The key's other characters, one changed: same id part, wrong secret.
fn with_wrong_secret(key: &str) -> String {
    let last = if key.ends_with('A') { "B" } else { "A" };
    format!("{}{last}", &key[..key.len() - 1])
}

async fn a_key_opens_with_its_scopes_and_nothing_else_does(app: TestApp) {
    let created = make_key(&app, "deploy-bot", &["users:write", "audit:read"], None).await;
    assert!(created.key.starts_with("twostep_"));
    let caller = authenticate(&app, &created.key)
        .await
        .expect("the key opens");
    assert_eq!(caller.name, "deploy-bot");
    assert_eq!(caller.id, created.info.id);
    assert_eq!(
        caller.scopes,
        Scopes::of(&[Scope::UsersWrite, Scope::AuditRead])
    );
    assert!(caller.scopes.allows(Scope::UsersRead));
    assert!(!caller.scopes.allows(Scope::GroupsWrite));

    let other = make_key(&app, "other", &["users:read"], None).await;
    let stolen_id = format!("{}{}", &created.key[..21], &other.key[21..]);
    for bad in [
        with_wrong_secret(&created.key),
        stolen_id,
        // The shape of a key no one was given.
        format!("twostep_aaaaaaaaaaaa_{}", &created.key[21..]),
        "twostep_".into(),
        String::new(),
        "Bearer twostep_x".into(),
        "x".repeat(10_000),
    ] {
        assert_eq!(
            authenticate(&app, &bad).await,
            Err(KeyProblem::Unknown),
            "{bad:.40}"
        );
    }
    // Nothing but the digest of the secret is stored.
    let stored: String =
        sqlx::query_scalar("SELECT secret_digest FROM api_keys WHERE name = 'deploy-bot'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(!created.key.contains(&stored) && !stored.contains(&created.key[21..]));
    assert_eq!(stored.len(), 64);
}

async fn last_used_is_noted_at_most_once_a_minute(app: TestApp) {
    let created = make_key(&app, "reporter", &["audit:read"], None).await;
    assert_eq!(created.info.last_used_at, None);
    authenticate(&app, &created.key).await.unwrap();
    let first = app
        .state
        .services
        .find_api_key(created.info.id)
        .await
        .unwrap()
        .unwrap()
        .last_used_at
        .expect("the use is noted");
    assert!((first - app.clock.now()).abs() <= 1);
    app.clock.advance(30);
    authenticate(&app, &created.key).await.unwrap();
    let key = app
        .state
        .services
        .find_api_key(created.info.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        key.last_used_at,
        Some(first),
        "within the minute: not written again"
    );
    app.clock.advance(31);
    authenticate(&app, &created.key).await.unwrap();
    let key = app
        .state
        .services
        .find_api_key(created.info.id)
        .await
        .unwrap()
        .unwrap();
    assert!(key.last_used_at.unwrap() >= first + 61);
}

async fn an_expired_key_opens_nothing(app: TestApp) {
    let created = make_key(&app, "short-lived", &["users:read"], Some(30)).await;
    assert!(authenticate(&app, &created.key).await.is_ok());
    app.clock.advance(30 * 86_400 - 10);
    assert!(authenticate(&app, &created.key).await.is_ok(), "not yet");
    app.clock.advance(10);
    assert_eq!(
        authenticate(&app, &created.key).await,
        Err(KeyProblem::Expired)
    );
    // A wrong secret says nothing of the key's state.
    assert_eq!(
        authenticate(&app, &with_wrong_secret(&created.key)).await,
        Err(KeyProblem::Unknown)
    );
}

async fn a_revoked_key_opens_nothing_and_is_revoked_once(app: TestApp) {
    let created = make_key(&app, "old-bot", &["groups:write"], None).await;
    let kept = make_key(&app, "kept", &["groups:write"], None).await;
    let services = &app.state.services;
    let revoked = services
        .revoke_api_key_by_name(Actor::CommandLine, "old-bot", &Origin::default())
        .await
        .unwrap()
        .expect("revoked");
    assert!(revoked.revoked_at.is_some());
    assert_eq!(
        authenticate(&app, &created.key).await,
        Err(KeyProblem::Revoked)
    );
    assert!(authenticate(&app, &kept.key).await.is_ok());
    assert_eq!(
        services
            .revoke_api_key(Actor::CommandLine, created.info.id, &Origin::default())
            .await
            .unwrap()
            .unwrap_err(),
        ApiKeyRefusal::AlreadyRevoked
    );
    assert_eq!(
        services
            .revoke_api_key_by_name(Actor::CommandLine, "nobody", &Origin::default())
            .await
            .unwrap()
            .unwrap_err(),
        ApiKeyRefusal::NotFound
    );
    // A revoked key's name stays taken: the audit log names its actions by it.
    let settings = KeySettings::parse("old-bot", &["users:read"], None).unwrap();
    assert_eq!(
        services
            .create_api_key(Actor::CommandLine, &settings, &Origin::default())
            .await
            .unwrap()
            .err(),
        Some(ApiKeyRefusal::NameTaken)
    );
    let events = app.audit_events().await;
    assert_eq!(events.iter().filter(|e| *e == "api_key.created").count(), 2);
    assert_eq!(events.iter().filter(|e| *e == "api_key.revoked").count(), 1);
}

/// Moves the clock to the start of a minute, so a burst stays inside one window.
async fn the_rate_limit_holds_exactly_under_a_burst(app: TestApp) {
    let created = make_key(&app, "busy", &["users:read"], None).await;
    let other = make_key(&app, "quiet", &["users:read"], None).await;
    app.to_start_of_minute();
    let burst = usize::try_from(REQUESTS_PER_MINUTE).unwrap() + 100;
    let answers = futures_util::future::join_all((0..burst).map(|_| {
        let state = app.state.clone();
        let key = created.key.clone();
        tokio::spawn(async move { state.services.authenticate_api_key(&key).await.unwrap() })
    }))
    .await;
    let (mut opened, mut limited) = (0, 0);
    for answer in answers {
        match answer.unwrap() {
            Ok(_) => opened += 1,
            Err(KeyProblem::RateLimited { retry_after_secs }) => {
                assert!((1..=60).contains(&retry_after_secs));
                limited += 1;
            }
            Err(other) => panic!("{other:?}"),
        }
    }
    assert_eq!((opened, limited), (REQUESTS_PER_MINUTE, 100));
    // Each key has its own limit.
    assert!(authenticate(&app, &other.key).await.is_ok());
    // The next minute opens again.
    app.clock.advance(60);
    assert!(authenticate(&app, &created.key).await.is_ok());
}

async fn changes_made_with_a_key_are_audited_under_its_name(app: TestApp) {
    let created = make_key(&app, "deploy-bot", &["groups:write"], None).await;
    let caller = authenticate(&app, &created.key).await.unwrap();
    app.state
        .services
        .create_group(Actor::ApiKey(&caller), "Engineering", &Origin::default())
        .await
        .unwrap()
        .unwrap();
    let (actor_user, actor_key): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT actor_user_id, actor_api_key_id FROM audit_events WHERE event = 'group.created'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!((actor_user, actor_key), (None, Some(caller.id)));
    signed_in_admin(&app).await;
    let page = app.get_text("/admin/audit?event=group.created").await;
    assert!(page.contains("API key “deploy-bot”"), "{page}");
    let csv = app.get_text("/admin/audit.csv?event=group.created").await;
    assert!(csv.contains("\"API key “deploy-bot”\""), "{csv}");
    let created_event = app.get_text("/admin/audit?event=api_key.created").await;
    assert!(
        created_event.contains("The API key “deploy-bot” with the scopes groups:write."),
        "{created_event}"
    );
}

async fn an_administrator_creates_sees_once_lists_and_revokes_a_key(app: TestApp) {
    let admin = signed_in_admin(&app).await;
    let empty = app.get_text(LIST).await;
    assert!(empty.contains("No API keys yet."));
    assert!(empty.contains(r#"<a href="/admin/api-keys" aria-current="page">API keys</a>"#));
    let created = app
        .submit(
            NEW,
            NEW,
            &form("deploy-bot", &["users:read", "audit:read"], "30"),
        )
        .await;
    assert_eq!(created.headers()["cache-control"], "no-store");
    let page = assert_page(created, 200, "API key “deploy-bot” created").await;
    assert!(page.contains("It is shown only once"));
    let key = shown_key(&page);
    let caller = authenticate(&app, &key).await.expect("the key shown opens");
    assert_eq!(caller.name, "deploy-bot");
    assert_eq!(
        caller.scopes,
        Scopes::of(&[Scope::UsersRead, Scope::AuditRead])
    );

    // The list: never the key again.
    let list = unescaped(&app.get_text(LIST).await);
    assert!(!list.contains(&key) && !list.contains(&key[21..]));
    for text in [
        "deploy-bot",
        "<code>users:read</code> <code>audit:read</code>",
        "by admin@example.com",
        "Active",
        "Revoke",
    ] {
        assert!(list.contains(text), "{text}: {list}");
    }
    let expires = app
        .state
        .services
        .find_api_key(caller.id)
        .await
        .unwrap()
        .unwrap()
        .expires_at
        .unwrap();
    assert!((expires - (app.clock.now() + 30 * 86_400)).abs() <= 2);
    assert_eq!(
        key_events(&app).await,
        [(
            "api_key.created".to_owned(),
            Some(admin),
            Some("deploy-bot (users:read audit:read)".to_owned())
        )]
    );

    // Revoking asks first, then the key opens nothing.
    let revoke = format!("/admin/api-keys/{}/revoke", caller.id);
    let question = app.get_text(&revoke).await;
    assert!(
        question.contains("Revoke the API key “deploy-bot”?"),
        "{question}"
    );
    assert!(
        question.contains("Scripts that use “deploy-bot” are refused from the next request on.")
    );
    assert!(
        authenticate(&app, &key).await.is_ok(),
        "asking changes nothing"
    );
    let done = app.submit(&revoke, &revoke, &[]).await;
    assert_redirect_to(&done, "/admin/api-keys?done=revoked");
    let list = app.get_text("/admin/api-keys?done=revoked").await;
    assert!(list.contains("The API key “deploy-bot” was revoked."));
    assert!(list.contains("Revoked") && !list.contains(&format!("{revoke}\"")));
    assert_eq!(authenticate(&app, &key).await, Err(KeyProblem::Revoked));
    // Once only.
    assert_eq!(app.get(&revoke).await.status().as_u16(), 409);
    let again = app.submit(LIST, &revoke, &[]).await;
    assert_page(again, 409, "This API key was revoked already.").await;
    let events = key_events(&app).await;
    assert_eq!(
        events[1],
        (
            "api_key.revoked".to_owned(),
            Some(admin),
            Some("deploy-bot".to_owned())
        )
    );
    assert_eq!(events.len(), 2);
    let audit = app.get_text("/admin/audit?event=api_key.revoked").await;
    assert!(audit.contains("The API key “deploy-bot”."), "{audit}");
}

async fn the_list_says_who_made_a_key_when_it_was_used_and_when_it_expired(app: TestApp) {
    let used = make_key(&app, "nightly-export", &["audit:read"], None).await;
    let expired = make_key(&app, "short-lived", &["users:read"], Some(30)).await;
    let never = make_key(&app, "forever", &["rooms:write"], None).await;
    authenticate(&app, &used.key).await.unwrap();
    app.clock.advance(31 * 86_400);
    signed_in_admin(&app).await;
    let list = app.get_text(LIST).await;
    assert_eq!(list.matches("from the command line").count(), 3);
    assert_eq!(list.matches("Not used yet").count(), 2);
    assert_eq!(list.matches("Expired").count(), 1);
    assert_eq!(list.matches(">Never<").count(), 2, "two keys never expire");
    // An expired key can no longer be revoked: it opens nothing already.
    for (key, revocable) in [(&used, true), (&expired, false), (&never, true)] {
        let link = format!("/admin/api-keys/{}/revoke\"", key.info.id);
        assert_eq!(list.contains(&link), revocable, "{}", key.info.name);
    }
}

async fn bad_input_is_said_on_the_form_and_writes_nothing(app: TestApp) {
    signed_in_admin(&app).await;
    make_key(&app, "taken", &["users:read"], None).await;
    let events = app.audit_events().await.len();
    let long = "x".repeat(101);
    // The fields sent, and the messages the page must say.
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a [&'a str]);
    let cases: [Case; 4] = [
        (
            form(" ", &[], "90"),
            &["Enter a name for the key.", "Choose at least one scope."],
        ),
        (
            form("bot", &["users:read", "root"], "7"),
            &[
                "Choose scopes from the list.",
                "Choose when the key expires from the list.",
            ],
        ),
        (
            form(&long, &["users:read"], "never"),
            &["Enter a name of 100 characters or fewer, on one line."],
        ),
        (
            form("taken", &["groups:write"], "365"),
            &["An API key has this name already."],
        ),
    ];
    for (fields, messages) in cases {
        let answer = app.submit(NEW, NEW, &fields).await;
        let page = unescaped(&assert_page(answer, 422, "There is a problem").await);
        for message in messages {
            assert!(page.contains(message), "{message}: {page}");
        }
        assert!(!page.contains(r#"id="api-key""#));
    }
    // What was typed stays.
    let kept = app
        .submit(NEW, NEW, &form("taken", &["groups:write"], "365"))
        .await
        .text()
        .await
        .unwrap();
    assert!(kept.contains(r#"value="taken""#));
    assert!(kept.contains(r#"value="groups:write" checked"#));
    assert!(kept.contains(r#"value="365" selected"#));
    assert!(!kept.contains(r#"value="users:read" checked"#));
    assert_eq!(app.count("SELECT COUNT(*) FROM api_keys").await, 1);
    assert_eq!(app.audit_events().await.len(), events, "nothing audited");
    // A name that is markup is shown as text.
    let made = app
        .submit(NEW, NEW, &form("<b>bot</b>", &["users:read"], "90"))
        .await;
    let page = assert_page(made, 200, "&#60;b&#62;bot&#60;/b&#62;").await;
    assert!(!page.contains("<b>bot</b>"));
}

async fn unknown_and_malformed_ids_are_not_found(app: TestApp) {
    signed_in_admin(&app).await;
    let created = make_key(&app, "kept", &["users:read"], None).await;
    for bad in ["999999", "0", "-1", "abc", "9223372036854775808", "%00"] {
        let path = format!("/admin/api-keys/{bad}/revoke");
        assert_eq!(app.get(&path).await.status().as_u16(), 404, "GET {path}");
        let answer = app.submit(LIST, &path, &[]).await;
        assert_eq!(answer.status().as_u16(), 404, "POST {path}");
    }
    assert!(authenticate(&app, &created.key).await.is_ok());
    assert_eq!(key_events(&app).await.len(), 1);
}

async fn only_administrators_get_in(app: TestApp) {
    let created = make_key(&app, "kept", &["users:read"], None).await;
    app.create_user("user@example.com", "Ursula User", false)
        .await;
    let browser = app.signed_in_browser("user@example.com").await;
    let (anonymous, _) = app.new_browser();
    let revoke = format!("/admin/api-keys/{}/revoke", created.info.id);
    let pages = [LIST, NEW, revoke.as_str()];
    for page in pages {
        assert_eq!(
            app.get_in(&browser, page).await.status().as_u16(),
            403,
            "GET {page}"
        );
        let answer = app.get_in(&anonymous, page).await;
        assert_eq!(
            location_of(&answer).as_deref(),
            Some("/login"),
            "GET {page}"
        );
    }
    let fields = form("eve", &["users:write"], "never");
    for page in &pages[1..] {
        let answer = submit_with(&browser, &app.address, "/account/security", page, &fields).await;
        assert_eq!(answer.status().as_u16(), 403, "POST {page}");
        let answer = submit_with(&anonymous, &app.address, "/login", page, &fields).await;
        assert_eq!(
            location_of(&answer).as_deref(),
            Some("/login"),
            "POST {page}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM api_keys").await, 1);
    assert!(authenticate(&app, &created.key).await.is_ok());
}

async fn changes_need_the_token_and_a_recent_password(app: TestApp) {
    signed_in_admin(&app).await;
    let created = make_key(&app, "kept", &["users:read"], None).await;
    let revoke = format!("/admin/api-keys/{}/revoke", created.info.id);
    // No token, or another's: refused, nothing written.
    for token in ["", "forged"] {
        for (path, fields) in [
            (NEW, form("bot", &["users:read"], "90")),
            (revoke.as_str(), Vec::new()),
        ] {
            let mut body = fields.clone();
            if !token.is_empty() {
                body.push(("csrf_token", token));
            }
            let answer = app
                .client
                .post(app.url(path))
                .form(&body)
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status().as_u16(), 403, "{path} {token:?}");
        }
    }
    // Ten minutes after the password: asked again before the form, creating or revoking.
    let token = csrf_token(&app.get_text(LIST).await);
    app.clock.advance(601);
    for path in [NEW, revoke.as_str()] {
        let asked = app.get(path).await;
        assert_redirect_to(&asked, &format!("/account/confirm?next={path}"));
    }
    let fields = [
        ("csrf_token", token.as_str()),
        ("name", "bot"),
        ("scopes", "users:read"),
        ("expires", "90"),
    ];
    let asked = app
        .client
        .post(app.url(NEW))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_redirect_to(&asked, &format!("/account/confirm?next={NEW}"));
    let asked = app
        .client
        .post(app.url(&revoke))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_redirect_to(&asked, &format!("/account/confirm?next={revoke}"));
    assert_eq!(app.count("SELECT COUNT(*) FROM api_keys").await, 1);
    assert!(authenticate(&app, &created.key).await.is_ok());
    assert_eq!(key_events(&app).await.len(), 1);
    // With the password given again, the same request goes through.
    let page = format!("/account/confirm?next={revoke}");
    let back = app
        .submit(
            &page,
            "/account/confirm",
            &[("password", GOOD_PASSWORD), ("next", &revoke)],
        )
        .await;
    assert_redirect_to(&back, &revoke);
    let done = app.submit(&revoke, &revoke, &[]).await;
    assert_redirect_to(&done, "/admin/api-keys?done=revoked");
    assert_eq!(
        authenticate(&app, &created.key).await,
        Err(KeyProblem::Revoked)
    );
}

/// Many administrators' tabs creating the same name at once: one key.
async fn one_name_one_key_under_a_burst(app: TestApp) {
    signed_in_admin(&app).await;
    let token = csrf_token(&app.get_text(NEW).await);
    let answers = futures_util::future::join_all((0..100).map(|_| {
        app.client
            .post(app.url(NEW))
            .form(&[
                ("csrf_token", token.as_str()),
                ("name", "twin"),
                ("scopes", "users:read"),
                ("expires", "90"),
            ])
            .send()
    }))
    .await;
    let mut statuses: Vec<u16> = answers
        .iter()
        .map(|a| a.as_ref().unwrap().status().as_u16())
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(statuses, [200, 422]);
    assert_eq!(app.count("SELECT COUNT(*) FROM api_keys").await, 1);
    assert_eq!(key_events(&app).await.len(), 1);
}

/// The pages read in the administrator's language (German here: "Sie", „…“).
async fn the_pages_read_in_german(app: TestApp) {
    signed_in_admin(&app).await;
    let chosen = app
        .submit(LIST, "/language", &[("lang", "de"), ("back", LIST)])
        .await;
    assert_redirect_to(&chosen, LIST);
    let english = [
        "API keys",
        "Create API key",
        "No API keys yet",
        "Scopes",
        "Expires",
        "Read the audit log",
        "shown only once",
        "Revoke the API key",
        "There is a problem",
    ];
    let read = |page: &str, words: &[&str]| {
        for word in words {
            assert!(page.contains(word), "missing {word:?} in:\n{page}");
        }
        for word in english {
            assert!(!page.contains(word), "English {word:?} left in:\n{page}");
        }
    };
    read(
        &app.get_text(LIST).await,
        &[
            "<h1>API-Schlüssel</h1>",
            "Noch keine API-Schlüssel.",
            ">API-Schlüssel erstellen</a>",
        ],
    );
    read(
        &app.get_text(NEW).await,
        &[
            "<legend>Berechtigungen</legend>",
            "Das Ereignisprotokoll lesen.",
            ">In 90 Tagen</option>",
        ],
    );
    let refused = app.submit(NEW, NEW, &form("", &[], "90")).await;
    read(
        &unescaped(&assert_page(refused, 422, "Geben Sie einen Namen").await),
        &["Wählen Sie mindestens eine Berechtigung."],
    );
    let created = app
        .submit(NEW, NEW, &form("deploy-bot", &["users:read"], "never"))
        .await;
    let page = assert_page(created, 200, "API-Schlüssel „deploy-bot“ erstellt").await;
    read(
        &page,
        &[
            "Er wird nur einmal angezeigt",
            ">Schlüssel kopieren</button>",
        ],
    );
    let id = authenticate(&app, &shown_key(&page)).await.unwrap().id;
    let revoke = format!("/admin/api-keys/{id}/revoke");
    read(
        &app.get_text(&revoke).await,
        &[
            "API-Schlüssel „deploy-bot“ widerrufen?",
            ">Schlüssel widerrufen</button>",
        ],
    );
    let done = app.submit(&revoke, &revoke, &[]).await;
    assert_redirect_to(&done, "/admin/api-keys?done=revoked");
    read(
        &app.get_text("/admin/api-keys?done=revoked").await,
        &[
            "Der API-Schlüssel „deploy-bot“ wurde widerrufen.",
            "Widerrufen",
        ],
    );
    let audit = app.get_text("/admin/audit?event=api_key.created").await;
    assert!(
        audit.contains("Der API-Schlüssel „deploy-bot“ mit den Berechtigungen users:read."),
        "{audit}"
    );
}

/// The database refuses a scope list the portal does not write (corrupting on purpose).
async fn the_database_refuses_scopes_it_does_not_know(app: TestApp) {
    let insert = |scopes: &'static str, n: i64| {
        sqlx::query(
            "INSERT INTO api_keys (key_id, secret_digest, name, scopes, created_at) \
             VALUES ($1, 'x', $1, $2, 0)",
        )
        .bind(format!("key{n}"))
        .bind(scopes)
        .execute(&app.db.pool)
    };
    for (n, good) in [
        "users:read",
        "users:read users:write groups:write rooms:write audit:read",
    ]
    .into_iter()
    .enumerate()
    {
        insert(good, n as i64)
            .await
            .unwrap_or_else(|e| panic!("{good}: {e}"));
    }
    for (n, bad) in [
        "",
        " ",
        "users:delete",
        "users:read users:read",
        "users:read,audit:read",
        "USERS:READ",
    ]
    .into_iter()
    .enumerate()
    {
        assert!(
            insert(bad, 10 + n as i64).await.is_err(),
            "{bad:?} is stored"
        );
    }
}

on_both_databases!(
    the_database_refuses_scopes_it_does_not_know,
    an_administrator_creates_sees_once_lists_and_revokes_a_key,
    the_pages_read_in_german,
    the_list_says_who_made_a_key_when_it_was_used_and_when_it_expired,
    bad_input_is_said_on_the_form_and_writes_nothing,
    unknown_and_malformed_ids_are_not_found,
    only_administrators_get_in,
    changes_need_the_token_and_a_recent_password,
    one_name_one_key_under_a_burst,
    a_key_opens_with_its_scopes_and_nothing_else_does,
    last_used_is_noted_at_most_once_a_minute,
    an_expired_key_opens_nothing,
    a_revoked_key_opens_nothing_and_is_revoked_once,
    the_rate_limit_holds_exactly_under_a_burst,
    changes_made_with_a_key_are_audited_under_its_name,
);

/// `twostep api-key create` prints the key alone on its last line, made as the page makes
/// it (audited as from the command line); `api-key revoke --name` revokes it. Refusals say
/// which flag is wrong on standard error and write nothing.
async fn the_command_line_creates_and_revokes_keys(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let Some(url) = fresh_database_url(backend, dir.path()).await else {
        return;
    };
    let run = |args: &[&str]| twostep(&url, dir.path(), args, "");
    let out = run(&[
        "api-key",
        "create",
        "--name",
        "hr-sync",
        "--scope",
        "users:write",
        "--scope",
        "groups:write",
        "--expires-days",
        "90",
    ])
    .await;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("users:write, groups:write"),
        "says what it may do: {stdout}"
    );
    let key = stdout.lines().last().unwrap().to_owned();
    // The command line's key: the one it made in the data directory.
    let mut settings = Settings::for_database(&url, dir.path());
    let secret_key = std::fs::read_to_string(dir.path().join("secret.key")).unwrap();
    settings.secret_key = twostep::config::SecretKey::parse(&secret_key).unwrap();
    let services = start_services(Arc::new(settings), Clock::system())
        .await
        .unwrap();
    let caller = services
        .authenticate_api_key(&key)
        .await
        .unwrap()
        .expect("the key printed opens");
    assert_eq!(caller.name, "hr-sync");
    assert_eq!(
        caller.scopes,
        Scopes::of(&[Scope::UsersWrite, Scope::GroupsWrite])
    );
    let info = services.find_api_key(caller.id).await.unwrap().unwrap();
    assert_eq!(info.created_by_email, None);
    assert!(info.expires_at.is_some());

    let refusals: [(&[&str], &str); 6] = [
        (&["api-key", "create", "--name", "x"], "--scope"),
        (
            &["api-key", "create", "--name", " ", "--scope", "users:read"],
            "--name: Enter a name for the key.",
        ),
        (
            &[
                "api-key",
                "create",
                "--name",
                "x",
                "--scope",
                "users:delete",
            ],
            "--scope: Choose scopes from the list.",
        ),
        (
            &[
                "api-key",
                "create",
                "--name",
                "x",
                "--scope",
                "users:read",
                "--expires-days",
                "0",
            ],
            "--expires-days: Enter a number of days from 1 to 3650.",
        ),
        (
            &[
                "api-key",
                "create",
                "--name",
                "hr-sync",
                "--scope",
                "users:read",
            ],
            "--name: An API key has this name already.",
        ),
        (
            &["api-key", "revoke", "--name", "nobody"],
            "--name: no API key is named nobody",
        ),
    ];
    for (args, reason) in refusals {
        let out = run(args).await;
        assert!(!out.status.success(), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?}: nothing on standard output"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
    }
    assert_eq!(services.api_keys().await.unwrap().len(), 1);

    let out = run(&["api-key", "revoke", "--name", "hr-sync"]).await;
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "API key hr-sync is revoked."
    );
    assert_eq!(
        services.authenticate_api_key(&key).await.unwrap(),
        Err(KeyProblem::Revoked)
    );
    let again = run(&["api-key", "revoke", "--name", "hr-sync"]).await;
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("hr-sync was revoked already"));
    let details: Vec<(String, Option<i64>, Option<String>)> = sqlx::query_as(
        "SELECT event, actor_user_id, detail FROM audit_events WHERE event LIKE 'api_key.%' ORDER BY id",
    )
    .fetch_all(&Db::connect(&url).unwrap().pool)
    .await
    .unwrap();
    assert_eq!(
        details,
        [
            (
                "api_key.created".to_owned(),
                None,
                Some("hr-sync (users:write groups:write) (command line)".to_owned())
            ),
            (
                "api_key.revoked".to_owned(),
                None,
                Some("hr-sync (command line)".to_owned())
            ),
        ]
    );
}

on_each_backend!(the_command_line_creates_and_revokes_keys => cli_on_sqlite, cli_on_postgres);
