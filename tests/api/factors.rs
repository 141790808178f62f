//! The second factors as the control center sees them: a user who set up the
//! authenticator app through the pages is an app user on every page an administrator reads
//! (the list, its filter, the user's page, the adoption figures, the reset question).

use crate::admin::signed_in_admin;
use crate::helpers::TestApp;
use crate::on_both_databases;

/// The emails the users list shows for `query`, each with its 2-step verification cell.
async fn listed_with_method(app: &TestApp, query: &str) -> Vec<(String, String)> {
    let page = app.get_text(&format!("/admin/users?{query}")).await;
    page.split(r#"<td data-label="Email">"#)
        .skip(1)
        .map(|rest| {
            let email = rest[..rest.find("</td>").unwrap()].to_owned();
            let cell = r#"<td data-label="2-step verification">"#;
            let start = rest.find(cell).unwrap() + cell.len();
            let end = rest[start..].find("</td>").unwrap();
            (email, rest[start..start + end].to_owned())
        })
        .collect()
}

/// A user who set up the authenticator app on their own security page, then signed out;
/// returns their id.
async fn app_user_made_through_the_pages(app: &TestApp, email: &str) -> i64 {
    app.user_with_app(email).await;
    app.confirm_codes_saved().await;
    app.post_logout().await;
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.pool)
        .await
        .unwrap()
}

async fn an_app_user_is_one_on_every_control_center_page(app: TestApp) {
    let user = app_user_made_through_the_pages(&app, "app@example.com").await;
    signed_in_admin(&app).await;
    let app_tag = r#"<strong class="tag tag-on">Authenticator app</strong>"#;

    let everyone = listed_with_method(&app, "").await;
    assert!(
        everyone.contains(&("app@example.com".to_owned(), app_tag.to_owned())),
        "{everyone:?}"
    );
    let emails = |rows: Vec<(String, String)>| -> Vec<String> {
        rows.into_iter().map(|(email, _)| email).collect()
    };
    assert_eq!(
        emails(listed_with_method(&app, "two_step=app").await),
        ["app@example.com"]
    );
    assert_eq!(
        emails(listed_with_method(&app, "two_step=off").await),
        Vec::<String>::new()
    );

    let page = app.get_text(&format!("/admin/users/{user}")).await;
    assert!(page.contains(&format!("<dd>{app_tag}")), "{page}");

    // The administrator (SMS) and the app user: both on.
    let overview = app.get_text("/admin").await;
    assert!(
        overview.contains(
            r#"<tr><th scope="row">All users</th><td>2</td><td>0</td><td>1</td><td>1</td><td>0</td><td>100%</td></tr>"#
        ),
        "{overview}"
    );

    let question = app.get_text(&format!("/admin/users/{user}/reset")).await;
    assert!(
        question.contains(
            "Ada Lovelace (app@example.com) will no longer sign in with their authenticator app."
        ),
        "{question}"
    );
}

/// Corrupts the method of user `id` on purpose, as a query in another spelling would.
async fn write_method(app: &TestApp, id: i64, method: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET two_factor_method = $1 WHERE id = $2")
        .bind(method)
        .bind(id)
        .execute(&app.db.pool)
        .await
        .map(|_| ())
}

async fn the_database_refuses_a_method_in_any_other_spelling(app: TestApp) {
    app.user_with_app("app@example.com").await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind("app@example.com")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    for other in ["authenticator", "totp", "SMS", "App", ""] {
        let refused = write_method(&app, id, other).await;
        assert!(refused.is_err(), "{other:?} was stored");
    }
    let inserted = sqlx::query(
        "INSERT INTO users (email, name, is_admin, disabled, created_at, updated_at, two_factor_method) \
         VALUES ('new@example.com', 'New', 0, 0, 0, 0, 'authenticator')",
    )
    .execute(&app.db.pool)
    .await;
    assert!(
        inserted.is_err(),
        "a new row in another spelling was stored"
    );
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));
    // The stored spellings, and off, are taken.
    for method in [Some("sms"), None] {
        sqlx::query("UPDATE users SET two_factor_method = $1 WHERE id = $2")
            .bind(method)
            .bind(id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(app.two_factor_method(id).await.as_deref(), method);
    }
    write_method(&app, id, "app").await.unwrap();
    assert_eq!(app.two_factor_method(id).await.as_deref(), Some("app"));
}

on_both_databases!(
    an_app_user_is_one_on_every_control_center_page,
    the_database_refuses_a_method_in_any_other_spelling,
);
