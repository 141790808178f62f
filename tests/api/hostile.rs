//! Hostile input: never a 5xx, always a clear 4xx, nothing half-written.

use crate::helpers::{
    GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to, csrf_token, location_of, submit_with,
};
use crate::on_both_databases;

async fn token_for(app: &TestApp, page: &str) -> String {
    csrf_token(&app.get_text(page).await)
}

async fn oversized_bodies_are_refused_with_413(app: TestApp) {
    let token = token_for(&app, "/register").await;
    let huge = "x".repeat(1024 * 1024);
    for action in ["/login", "/register", "/setup", "/logout"] {
        let response = app
            .post_raw(
                action,
                &[
                    ("csrf_token", &token),
                    ("name", &huge),
                    ("email", "a@example.com"),
                    ("password", &huge),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 413, "{action}");
        assert!(response.text().await.unwrap().contains("Too much data"));
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn invalid_utf8_is_a_bad_request(app: TestApp) {
    let token = token_for(&app, "/register").await;
    let body = format!("csrf_token={token}&name=%FF%FE&email=a%40example.com&password=%C3%28");
    for action in ["/login", "/register"] {
        let response = app
            .client
            .post(app.url(action))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 400, "{action}");
    }
    let raw = app
        .client
        .post(app.url("/register"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            [
                b"csrf_token=".as_slice(),
                token.as_bytes(),
                b"&name=\xff\xfe&email=x".as_slice(),
            ]
            .concat(),
        )
        .send()
        .await
        .unwrap();
    assert!(raw.status().is_client_error(), "{}", raw.status());
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);
}

async fn wrong_methods_and_content_types_are_refused(app: TestApp) {
    let token = token_for(&app, "/login").await;
    for method in ["PUT", "PATCH", "DELETE"] {
        let response = app
            .client
            .request(method.parse().unwrap(), app.url("/login"))
            .header("x-csrf-token", &token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 405, "{method}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains("<h1>This page cannot be used that way</h1>"),
            "{method}: {page}"
        );
    }
    assert_eq!(app.get("/logout").await.status().as_u16(), 405);
    let json = app
        .client
        .post(app.url("/login"))
        .header("x-csrf-token", &token)
        .header("content-type", "application/json")
        .body(r#"{"email":"a@example.com"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(json.status().as_u16(), 400);
}

async fn sql_metacharacters_are_just_text(app: TestApp) {
    let nasty = [
        "' OR '1'='1",
        "\"; DROP TABLE users; --",
        "Robert'); DROP TABLE sessions;--",
        "$1 \\ % _ ;",
    ];
    app.create_user("ada@example.com", "Ada", false).await;
    for value in nasty {
        let login = app.post_login(value, value).await;
        assert!(
            login.status().is_client_error(),
            "{value}: {}",
            login.status()
        );
        let login = app.post_login("ada@example.com", value).await;
        assert_eq!(login.status().as_u16(), 401);
        let register = app
            .submit(
                "/register",
                "/register",
                &[("name", value), ("email", value), ("password", value)],
            )
            .await;
        assert_eq!(register.status().as_u16(), 422, "{value}");
        assert!(
            app.get(&format!("/setup?token={}", urlencode(value)))
                .await
                .status()
                .is_client_error()
        );
    }
    // NUL cannot be stored by PostgreSQL: every form refuses it up front.
    let nul = app.post_login("ada\0@example.com", "pass\0word").await;
    assert_page(nul, 400, "characters that cannot be used").await;

    // A name full of quotes is stored and shown as typed, escaped.
    let quoted = "O'Brien \"<b>Bold</b>\"";
    let response = app.register_confirmed(quoted, "obrien@example.com").await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        app.login_status("obrien@example.com", GOOD_PASSWORD).await,
        303
    );
    let home = app.get_text("/").await;
    assert!(
        home.contains("O&#39;Brien &#34;&#60;b&#62;Bold&#60;/b&#62;&#34;")
            || home.contains("O&#x27;Brien"),
        "{home}"
    );
    assert!(!home.contains("<b>Bold</b>"));
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 2);
}

fn urlencode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// An error page keeps the signed-in header (with a working "Sign out") and says what
/// happened in words, not a status name.
async fn error_pages_keep_the_person_signed_in(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let missing = app.get("/no-such-page").await;
    assert_eq!(missing.status().as_u16(), 404);
    let page = missing.text().await.unwrap();
    assert!(page.contains("<h1>Page not found</h1>"), "{page}");
    assert!(
        page.contains(">Sign out<") && page.contains("Security"),
        "{page}"
    );
    assert!(
        !csrf_token(&page).is_empty(),
        "the header's Sign out form carries its token"
    );
    let wrong = app.get("/logout").await;
    assert_eq!(wrong.status().as_u16(), 405);
    let page = wrong.text().await.unwrap();
    assert!(!page.contains("Method not allowed") && page.contains(">Sign out<"));
}

on_both_databases!(
    error_pages_keep_the_person_signed_in,
    oversized_bodies_are_refused_with_413,
    invalid_utf8_is_a_bad_request,
    wrong_methods_and_content_types_are_refused,
    sql_metacharacters_are_just_text,
);

async fn second_step_and_settings_forms_refuse_garbage_with_a_4xx(app: TestApp) {
    app.create_sms_user("ada@example.com", crate::helpers::PHONE)
        .await;
    app.sign_in_first_step("ada@example.com").await;
    let garbage = [
        "' OR '1'='1",
        "9999999999999999999999",
        "<script>alert(1)</script>",
        "١٢٣٤٥٦",
        &"9".repeat(5000),
    ];
    for value in garbage {
        for (action, field) in [
            ("/login/verify", "code"),
            ("/login/recovery", "recovery_code"),
        ] {
            let response = app
                .submit(
                    "/login/verify",
                    action,
                    &[(field, value), ("with", value), ("trust_device", value)],
                )
                .await;
            assert!(
                response.status().is_client_error(),
                "{action} {value:.20}: {}",
                response.status()
            );
        }
    }
    assert_redirect_to(&app.get("/").await, "/login");
    app.clock.advance(31);
    // Finish signing in with a fresh code, then try the settings forms.
    app.send_again().await;
    app.finish_sign_in_with_sms(crate::helpers::PHONE).await;
    for value in garbage {
        let checks = [
            ("/account/security/session-duration", "duration"),
            ("/account/security/app", "code"),
            ("/account/security/sms", "phone"),
            ("/account/security/recovery-codes/done", "saved"),
        ];
        for (action, field) in checks {
            let response = app
                .submit("/account/security", action, &[(field, value)])
                .await;
            assert!(
                !response.status().is_server_error(),
                "{action} {value:.20}: {}",
                response.status()
            );
        }
        for action in [
            format!("/account/security/devices/{}/remove", urlencode(value)),
            format!("/account/security/sessions/{}/end", urlencode(value)),
        ] {
            let response = app.submit("/account/security", &action, &[]).await;
            assert!(
                !response.status().is_server_error(),
                "{action:.60}: {}",
                response.status()
            );
        }
    }
    assert_eq!(app.get("/").await.status().as_u16(), 200, "still signed in");
}

on_both_databases!(second_step_and_settings_forms_refuse_garbage_with_a_4xx);

/// Found by the fuzz test: a room's return address with a control character in it went
/// into the `Location` header after a right password, which cannot hold it: a 500.
async fn a_return_address_with_a_control_character_is_ignored(app: TestApp) {
    app.create_user("ada@example.com", "Ada Lovelace", false)
        .await;
    app.create_sms_user("grace@example.com", crate::helpers::PHONE)
        .await;
    for next in [
        "/rooms/1/app\u{1}",
        "/rooms/1\t",
        "/rooms/1?x=\u{7f}",
        "/rooms/1/\u{85}",
    ] {
        let (browser, _) = app.new_browser();
        let fields = [
            ("email", "ada@example.com"),
            ("password", GOOD_PASSWORD),
            ("next", next),
        ];
        let signed_in = submit_with(&browser, &app.address, "/login", "/login", &fields).await;
        assert_eq!(location_of(&signed_in).as_deref(), Some("/"), "{next:?}");
        // Kept across the code step, it would break the redirect after the code.
        let (browser, _) = app.new_browser();
        let fields = [
            ("email", "grace@example.com"),
            ("password", GOOD_PASSWORD),
            ("next", next),
        ];
        let password = submit_with(&browser, &app.address, "/login", "/login", &fields).await;
        assert_eq!(location_of(&password).as_deref(), Some("/login/verify"));
        let code = app.sms.last_code_to(crate::helpers::PHONE);
        let verify = "/login/verify";
        let signed_in =
            submit_with(&browser, &app.address, verify, verify, &[("code", &code)]).await;
        assert_eq!(location_of(&signed_in).as_deref(), Some("/"), "{next:?}");
        // The next sign-in code, past the cooldown between codes.
        app.clock.advance(31);
    }
}

on_both_databases!(a_return_address_with_a_control_character_is_ignored);

/// Found by the fuzz test: a new password that is a long walk on the keypad ("i*i*…")
/// made zxcvbn's estimate overflow, which panicked the worker of an unoptimised build
/// and dropped the connection.
async fn a_long_keyboard_walk_is_judged_like_any_password(app: TestApp) {
    let walk = "i*".repeat(40);
    let register = app
        .submit(
            "/register",
            "/register",
            &[
                ("name", "Ada Lovelace"),
                ("email", "ada@example.com"),
                ("password", &walk),
            ],
        )
        .await;
    assert!(
        [303, 422].contains(&register.status().as_u16()),
        "{}",
        register.status()
    );
}

on_both_databases!(a_long_keyboard_walk_is_judged_like_any_password);
