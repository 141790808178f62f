use crate::helpers::{AuditRow, Backend, GOOD_PASSWORD, TestApp, assert_redirect_to};
use crate::on_both_databases;

async fn the_sign_in_page_has_its_controls_and_writes_nothing(app: TestApp) {
    let response = app.get("/login").await;
    assert_eq!(response.status().as_u16(), 200);
    let set_cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        set_cookies
            .iter()
            .all(|c| !c.starts_with("twostep_session")),
        "{set_cookies:?}"
    );
    let page = response.text().await.unwrap();
    for control in [
        r#"<label for="email">Email</label>"#,
        r#"<label for="password">Password</label>"#,
        ">Sign in</button>",
    ] {
        assert!(page.contains(control), "missing {control}");
    }
    for _ in 0..5 {
        app.get("/login").await;
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM sessions").await,
        0,
        "anonymous pages store no session"
    );
}

async fn signing_in_greets_the_user(app: TestApp) {
    let id = app
        .create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    let seeded = app.audit_rows().await.len();
    let response = app.post_login("ADA@example.com", GOOD_PASSWORD).await;
    assert_redirect_to(&response, "/");
    assert!(app.get_text("/").await.contains("Hello, Ada Lovelace"));
    assert_eq!(
        app.audit_rows().await[seeded..],
        [AuditRow::own("sign_in.succeeded", id)]
    );
    // Signed in, the sign-in page sends the user home.
    assert_redirect_to(&app.get("/login").await, "/");
}

async fn pages_behind_sign_in_redirect_anonymous_visitors(app: TestApp) {
    for path in ["/", "/account/password"] {
        assert_redirect_to(&app.get(path).await, "/login");
    }
}

async fn wrong_password_and_unknown_account_look_the_same(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    let seeded = app.audit_rows().await.len();
    let wrong = app
        .post_login("ada@example.com", "not the password at all")
        .await;
    let unknown = app
        .post_login("nobody@example.com", "not the password at all")
        .await;
    assert_eq!(wrong.status().as_u16(), 401);
    assert_eq!(unknown.status().as_u16(), 401);
    let strip = |page: String, email: &str| page.replace(email, "EMAIL");
    let wrong_page = strip(wrong.text().await.unwrap(), "ada@example.com");
    let unknown_page = strip(unknown.text().await.unwrap(), "nobody@example.com");
    assert!(wrong_page.contains("The email or password is incorrect."));
    assert_eq!(
        wrong_page, unknown_page,
        "the pages differ only by the typed email"
    );
    assert!(app.session_cookie().is_none());
    // Nobody is the actor of a failed sign-in; the account is named only when one matched.
    let failed = |subject| AuditRow {
        event: "sign_in.failed".into(),
        actor: None,
        subject,
        ip: Some("127.0.0.1".into()),
    };
    assert_eq!(
        app.audit_rows().await[seeded..],
        [failed(Some(id)), failed(None)]
    );
}

async fn empty_fields_are_named(app: TestApp) {
    let response = app.post_login("", "").await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Enter your email address."));
    assert!(page.contains("Enter your password."));
    // A failed submit says so first: in the title a screen reader reads, and where focus
    // lands (the error summary, before the form).
    assert!(page.contains("<title>Error: Sign in"), "{page}");
    let summary = page.find(r#"class="error-summary""#).unwrap();
    assert!(page[summary..].starts_with(r#"class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>"#));
    assert!(summary < page.find("<form").unwrap());
    // A page without errors has the plain title.
    assert!(app.get_text("/login").await.contains("<title>Sign in ·"));
}

async fn failures_are_throttled_per_account_whether_or_not_it_exists(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    for email in ["ada@example.com", "ghost@example.com"] {
        for _ in 0..10 {
            assert_eq!(app.login_status(email, "wrong password here").await, 401);
        }
        let blocked = app.post_login(email, GOOD_PASSWORD).await;
        assert_eq!(blocked.status().as_u16(), 429, "{email}");
        let page = blocked.text().await.unwrap();
        assert!(
            page.contains("Too many failed sign-in attempts"),
            "{email}: {page}"
        );
    }
    assert!(
        app.session_cookie().is_none(),
        "the right password does not get through while throttled"
    );
    assert_eq!(app.count_events("sign_in.throttled").await, 2);
}

async fn sign_in_renews_the_session_and_kills_the_old_id(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let first = app.session_cookie().unwrap();
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let second = app.session_cookie().unwrap();
    assert_ne!(first, second);
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 1);

    let replay = app.get_with_session_cookie(&first, "/").await;
    assert_redirect_to(&replay, "/login");
}

async fn session_ids_are_stored_only_as_digests(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let cookie = app.session_cookie().unwrap();
    let id: String = sqlx::query_scalar("SELECT id FROM sessions")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(id.len(), 64);
    assert!(!cookie.contains(&id));
    let state: String = sqlx::query_scalar("SELECT state FROM sessions")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(!state.contains(GOOD_PASSWORD));
}

async fn signing_out_ends_the_session_on_the_server(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let cookie = app.session_cookie().unwrap();
    let response = app.post_logout().await;
    assert_redirect_to(&response, "/login?notice=signed-out");
    assert!(
        app.get_text("/login?notice=signed-out")
            .await
            .contains("You have signed out.")
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 0);
    assert!(app.audit_events().await.contains(&"sign_out".to_owned()));

    // A copy of the old cookie opens nothing.
    let replay = app.get_with_session_cookie(&cookie, "/").await;
    assert_redirect_to(&replay, "/login");
}

async fn a_disabled_account_cannot_sign_in_and_loses_its_sessions(app: TestApp) {
    let id = app.create_user("ada@example.com", "Ada", false).await;
    assert_redirect_to(&app.post_login("ada@example.com", GOOD_PASSWORD).await, "/");
    let live_sessions = |app: &TestApp| {
        let pool = app.db.pool.clone();
        let now = app.clock.now();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2",
            )
            .bind(id)
            .bind(now)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    assert!(live_sessions(&app).await >= 1, "signed in before");
    // Disabled behind the use case's back (corrupt on purpose): disabling ends the
    // sessions itself, and here the session must end on the next request's check alone.
    sqlx::query("UPDATE users SET disabled = 1 WHERE id = $1")
        .bind(id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_redirect_to(&app.get("/").await, "/login");
    assert_eq!(
        live_sessions(&app).await,
        0,
        "the session ended on the server"
    );
    // The right password is told the account is disabled (notices.rs).
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        403
    );
}

/// "Forgot your password?" leads to its own page (the earlier address too), which asks
/// for the email and says 2-step verification stays on.
async fn a_forgotten_password_is_answered_on_its_own_page(app: TestApp) {
    let login = app.get_text("/login").await;
    assert!(login.contains(r#"<a href="/password/forgot">Forgot your password?</a>"#));
    assert_redirect_to(&app.get("/login/forgot").await, "/password/forgot");
    let response = app.get("/password/forgot").await;
    assert_eq!(response.status().as_u16(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("<title>Forgot your password?"), "{page}");
    assert!(page.contains(">Send reset link</button>"));
    let sent = app.get_text("/password/forgot?sent=yes").await;
    assert!(
        sent.contains("<h1>Check your email</h1>")
            && sent.contains("If you use 2-step verification, it stays on")
    );
}

on_both_databases!(
    a_forgotten_password_is_answered_on_its_own_page,
    the_sign_in_page_has_its_controls_and_writes_nothing,
    signing_in_greets_the_user,
    pages_behind_sign_in_redirect_anonymous_visitors,
    wrong_password_and_unknown_account_look_the_same,
    empty_fields_are_named,
    failures_are_throttled_per_account_whether_or_not_it_exists,
    sign_in_renews_the_session_and_kills_the_old_id,
    session_ids_are_stored_only_as_digests,
    signing_out_ends_the_session_on_the_server,
    a_disabled_account_cannot_sign_in_and_loses_its_sessions,
);

/// Failures from one address across many accounts hit the per-IP limit.
#[tokio::test]
async fn failures_are_throttled_per_address() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| s.max_failures_per_ip = 5)
        .await
        .unwrap();
    app.create_user("ada@example.com", "Ada", false).await;
    for n in 0..5 {
        let email = format!("guess{n}@example.com");
        assert_eq!(app.login_status(&email, "wrong password here").await, 401);
    }
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        429
    );
}
