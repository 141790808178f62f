use crate::helpers::{Backend, GOOD_PASSWORD, TestApp, assert_page, csrf_token};
use crate::on_both_databases;

async fn a_post_without_a_valid_csrf_token_is_refused(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    let seeded = app.count("SELECT COUNT(*) FROM audit_events").await;
    // No token at all, and not even the cookie.
    let bare = app
        .post_raw(
            "/login",
            &[("email", "ada@example.com"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_page(bare, 403, "This form has expired").await;

    // The cookie but a forged token.
    app.get("/login").await;
    for token in ["", "0000", &"a".repeat(64)] {
        let forged = app
            .post_raw(
                "/login",
                &[
                    ("csrf_token", token),
                    ("email", "ada@example.com"),
                    ("password", GOOD_PASSWORD),
                ],
            )
            .await;
        assert_eq!(forged.status().as_u16(), 403, "{token}");
    }

    // A valid token from another browser does not go with this browser's cookie.
    let (other, _) = app.new_browser();
    let stolen = csrf_token(&app.get_text_in(&other, "/login").await);
    let cross = app
        .post_raw(
            "/login",
            &[
                ("csrf_token", &stolen),
                ("email", "ada@example.com"),
                ("password", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(cross.status().as_u16(), 403);
    assert!(app.session_cookie().is_none());
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_events").await,
        seeded,
        "nothing was attempted"
    );
}

async fn a_token_from_before_sign_in_does_not_work_after_it(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    let anonymous_token = csrf_token(&app.get_text("/login").await);
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let response = app
        .post_raw(
            "/account/password",
            &[
                ("csrf_token", &anonymous_token),
                ("current_password", GOOD_PASSWORD),
                ("new_password", "amber lantern over quiet harbour"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 403);
}

async fn every_response_carries_the_security_headers(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    let anonymous = [
        "/login",
        "/register",
        "/does-not-exist",
        "/healthz",
        "/setup?token=x",
    ];
    for path in anonymous {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"),
            "{path}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(headers["x-content-type-options"], "nosniff");
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert_eq!(headers["cache-control"], "no-store", "{path}");
        assert!(
            headers.get("strict-transport-security").is_none(),
            "no HSTS over http"
        );
    }
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    for path in ["/", "/account/password"] {
        let response = app.get(path).await;
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let page = app.get_text("/").await;
    assert!(
        !page.contains("<script>") && !page.contains("style="),
        "no inline script or style"
    );
}

async fn unknown_pages_get_the_error_page(app: TestApp) {
    let response = app.get("/nowhere").await;
    assert_eq!(response.status().as_u16(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains("Page not found") && page.contains("/static/style.css"));
}

on_both_databases!(
    a_post_without_a_valid_csrf_token_is_refused,
    a_token_from_before_sign_in_does_not_work_after_it,
    every_response_carries_the_security_headers,
    unknown_pages_get_the_error_page,
);

/// Served as https, the portal sends HSTS and prefixes its cookies with `__Host-`.
#[tokio::test]
async fn https_deployments_get_hsts_and_host_prefixed_secure_cookies() {
    let app = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.public_url = "https://portal.example.com".parse().unwrap();
    })
    .await
    .unwrap();
    assert!(
        app.setup_link
            .as_deref()
            .unwrap()
            .starts_with("https://portal.example.com/setup?token=")
    );
    let response = app.get("/login").await;
    assert!(
        response.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
    let cookie = response.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-twostep_csrf="), "{cookie}");
    assert!(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("Path=/"));
}

async fn failed_login_ip(app: &TestApp, forwarded_for: &str) -> String {
    let (client, cookie, token) = app.new_browser_at_sign_in().await;
    client
        .post(app.url("/login"))
        .header("cookie", cookie)
        .header("x-forwarded-for", forwarded_for)
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", "nobody@example.com"),
            ("password", "wrong password here"),
        ])
        .send()
        .await
        .unwrap();
    sqlx::query_scalar("SELECT ip FROM audit_events ORDER BY id DESC LIMIT 1")
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

/// X-Forwarded-For is believed only from configured proxies, and read from the right.
#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    let direct = TestApp::spawn(Backend::Sqlite).await.unwrap();
    assert_eq!(
        failed_login_ip(&direct, "203.0.113.9").await,
        "127.0.0.1",
        "a client cannot choose its address"
    );

    let proxied = TestApp::spawn_with(Backend::Sqlite, |s| {
        s.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]
    })
    .await
    .unwrap();
    assert_eq!(
        failed_login_ip(&proxied, "203.0.113.9").await,
        "203.0.113.9"
    );
    assert_eq!(
        failed_login_ip(&proxied, "1.2.3.4, 198.51.100.7").await,
        "198.51.100.7",
        "a forged start is skipped"
    );
}
