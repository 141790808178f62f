use crate::helpers::{GOOD_PASSWORD, TestApp, assert_page, assert_redirect_to};
use crate::on_both_databases;

const NEW_PASSWORD: &str = "amber lantern over quiet harbour";

async fn changing_the_password_needs_the_current_one(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let response = app.change_password("not my password", NEW_PASSWORD).await;
    assert_page(response, 401, "Your current password is incorrect.").await;
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        303
    );
    app.assert_audit_contains("password.change_failed").await;
}

async fn a_weak_new_password_is_refused(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let response = app.change_password(GOOD_PASSWORD, "password1").await;
    assert_page(response, 422, "too easy to guess").await;
}

async fn a_changed_password_signs_out_every_other_session(app: TestApp) {
    app.create_user("ada@example.com", "Ada", false).await;
    app.post_login("ada@example.com", GOOD_PASSWORD).await;
    let before = app.session_cookie().unwrap();
    let laptop = app.signed_in_browser("ada@example.com").await;
    assert_eq!(app.get_in(&laptop, "/").await.status().as_u16(), 200);

    let response = app.change_password(GOOD_PASSWORD, NEW_PASSWORD).await;
    assert_redirect_to(&response, "/?notice=password-changed");
    app.assert_new_session_id(&before, "this session continues under a new id");
    assert!(
        app.get_text("/?notice=password-changed")
            .await
            .contains("Your password has been changed.")
    );
    assert_redirect_to(&app.get_in(&laptop, "/").await, "/login");
    assert_eq!(app.count("SELECT COUNT(*) FROM sessions").await, 1);
    app.assert_audit_contains("password.changed").await;

    app.post_logout().await;
    assert_eq!(
        app.login_status("ada@example.com", GOOD_PASSWORD).await,
        401
    );
    assert_eq!(app.login_status("ada@example.com", NEW_PASSWORD).await, 303);
}

on_both_databases!(
    changing_the_password_needs_the_current_one,
    a_weak_new_password_is_refused,
    a_changed_password_signs_out_every_other_session,
);
