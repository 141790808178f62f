use crate::helpers::{GOOD_PASSWORD, TestApp, assert_redirect_to};
use crate::on_both_databases;

async fn register(app: &TestApp, name: &str, email: &str, password: &str) -> reqwest::Response {
    app.submit(
        "/register",
        "/register",
        &[("name", name), ("email", email), ("password", password)],
    )
    .await
}

async fn registering_creates_an_account_and_signs_in(app: TestApp) {
    let form = app.get_text("/register").await;
    for label in [">Name<", ">Email<", ">Password<", ">Create account<"] {
        assert!(form.contains(label), "missing {label}");
    }
    let response = register(&app, "Ada Lovelace", "  Ada@Example.COM ", GOOD_PASSWORD).await;
    assert_redirect_to(&response, "/?notice=welcome");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("twostep_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );

    let home = app.get_text("/?notice=welcome").await;
    assert!(home.contains("Hello, Ada Lovelace"));
    assert!(home.contains("Your account has been created."));

    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE email = 'ada@example.com'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains(GOOD_PASSWORD));
    assert_eq!(app.audit_events().await, ["user.registered"]);
}

async fn invalid_registrations_say_why_and_keep_what_was_typed(app: TestApp) {
    let response = register(&app, "", "not-an-email", "short").await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("There is a problem"));
    assert!(page.contains("Enter your name."));
    assert!(page.contains("Enter an email address like name@example.com."));
    assert!(page.contains("Use at least 8 characters."));
    assert!(page.contains(r#"value="not-an-email""#));
    assert!(
        !page.contains(r#"value="short""#),
        "the password is never echoed"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn common_passwords_are_refused_with_a_reason(app: TestApp) {
    for weak in ["password123", "qwertyuiop", "ada.lovelace"] {
        let response = register(&app, "Ada Lovelace", "ada.lovelace@example.com", weak).await;
        assert_eq!(response.status().as_u16(), 422, "{weak}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("This password is too easy to guess. "),
            "{weak}: {page}"
        );
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn an_email_is_registered_once_whatever_its_case(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    let response = register(&app, "Impostor", "ADA@example.com", GOOD_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 409);
    let page = response.text().await.unwrap();
    assert!(page.contains("already exists"));
    assert!(
        page.contains(r#"<p><a href="/login">Sign in instead</a></p>"#),
        "a link, not words"
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
    assert!(app.session_cookie().is_none(), "nobody is signed in");
}

async fn long_unicode_passwords_work_untruncated(app: TestApp) {
    let password = "Grüße aus Köln — 東京の夜は静か ".repeat(8);
    let response = register(&app, "Zoë", "zoe@example.com", &password).await;
    assert_eq!(response.status().as_u16(), 303);
    app.post_logout().await;
    // A prefix of the password is not the password.
    let prefix: String = password.chars().take(100).collect();
    assert_eq!(app.login_status("zoe@example.com", &prefix).await, 401);
    assert_eq!(app.login_status("zoe@example.com", &password).await, 303);
}

on_both_databases!(
    registering_creates_an_account_and_signs_in,
    invalid_registrations_say_why_and_keep_what_was_typed,
    common_passwords_are_refused_with_a_reason,
    an_email_is_registered_once_whatever_its_case,
    long_unicode_passwords_work_untruncated,
);
