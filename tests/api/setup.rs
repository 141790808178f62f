use crate::helpers::{GOOD_PASSWORD, TestApp, assert_redirect_to, sorted_statuses};
use crate::on_both_databases;

fn setup_path(app: &TestApp) -> String {
    let link = app
        .setup_link
        .as_deref()
        .expect("an empty database prints a setup link");
    assert!(
        link.starts_with("http://localhost:8080/setup?token="),
        "{link}"
    );
    link.trim_start_matches("http://localhost:8080").to_owned()
}

async fn the_setup_link_creates_the_first_administrator_once(app: TestApp) {
    let path = setup_path(&app);
    let token = path.trim_start_matches("/setup?token=");
    let form = app.get_text(&path).await;
    assert!(form.contains("Create the first administrator"));

    let fields = [
        ("token", token),
        ("name", "Grace Hopper"),
        ("email", "Grace@Example.com"),
        ("password", GOOD_PASSWORD),
    ];
    let response = app.submit(&path, "/setup", &fields).await;
    assert_redirect_to(&response, "/?notice=welcome");
    // Administrators must use 2-step verification (on by default): set-up comes first.
    assert_redirect_to(&app.get("/").await, "/account/security/two-step");
    let set_up = app.get_text("/account/security/two-step").await;
    assert!(
        set_up.contains("2-step verification is required for your account. Set it up to continue."),
        "{set_up}"
    );

    let admins = app
        .count("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND email = 'grace@example.com'")
        .await;
    assert_eq!(admins, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM setup_tokens").await, 0);
    assert!(
        app.audit_events()
            .await
            .contains(&"admin.created".to_owned())
    );

    // The link is spent: neither the page nor the form works again.
    let (other, _) = app.new_browser();
    let again = other.get(app.url(&path)).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 403);
    assert!(again.text().await.unwrap().contains("already been used"));
    app.post_logout().await;
    let reuse = app
        .submit(
            "/login",
            "/setup",
            &[
                ("token", token),
                ("name", "Mallory"),
                ("email", "m@example.com"),
                ("password", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(reuse.status().as_u16(), 403);
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 1);
}

async fn a_wrong_or_missing_setup_token_is_refused(app: TestApp) {
    for path in [
        "/setup",
        "/setup?token=",
        "/setup?token=not-the-token",
        "/setup?token=%27%20OR%201%3D1--",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status().as_u16(), 403, "{path}");
    }
}

async fn the_setup_link_is_refused_once_an_administrator_exists(app: TestApp) {
    let path = setup_path(&app);
    app.create_user("admin@example.com", "Admin", true).await;
    assert_eq!(app.get(&path).await.status().as_u16(), 403);
}

async fn two_concurrent_uses_of_the_link_create_one_administrator(app: TestApp) {
    let path = setup_path(&app);
    let token = path.trim_start_matches("/setup?token=").to_owned();
    let (second, _) = app.new_browser();
    let first_fields = [
        ("token", token.as_str()),
        ("name", "One"),
        ("email", "one@example.com"),
        ("password", GOOD_PASSWORD),
    ];
    let second_fields = [
        ("token", token.as_str()),
        ("name", "Two"),
        ("email", "two@example.com"),
        ("password", GOOD_PASSWORD),
    ];
    let first_post = app.submit(&path, "/setup", &first_fields);
    let second_post =
        crate::helpers::submit_with(&second, &app.address, &path, "/setup", &second_fields);
    let (a, b) = tokio::join!(first_post, second_post);
    assert_eq!(sorted_statuses(&[a, b]), [303, 403]);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM users WHERE is_admin = 1")
            .await,
        1
    );
}

async fn setup_form_errors_keep_the_token_and_typed_values(app: TestApp) {
    let path = setup_path(&app);
    let token = path.trim_start_matches("/setup?token=");
    let response = app
        .submit(
            &path,
            "/setup",
            &[
                ("token", token),
                ("name", "Grace"),
                ("email", "grace@example.com"),
                ("password", "password"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("too easy to guess"), "{page}");
    assert!(page.contains(&format!(r#"name="token" value="{token}""#)));
    assert!(page.contains(r#"value="grace@example.com""#));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

on_both_databases!(
    the_setup_link_creates_the_first_administrator_once,
    a_wrong_or_missing_setup_token_is_refused,
    the_setup_link_is_refused_once_an_administrator_exists,
    two_concurrent_uses_of_the_link_create_one_administrator,
    setup_form_errors_keep_the_token_and_typed_values,
);
